# Model shape
model = "mlp"
layers = 2
