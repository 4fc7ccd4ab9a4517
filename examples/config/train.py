# The same training script, configured four ways. Each config file is read
# for defaults and patched with flag values in the run dir (never in place).
import json
import tomllib

import yaml_lite  # local helper: reads the tiny YAML subset used here

import params  # params.py: Python globals

with open("train.json") as f:
    data = json.load(f)
with open("train.toml", "rb") as f:
    opt = tomllib.load(f)
sched = yaml_lite.load("train.yaml")

print(f"model={params.model} layers={params.layers}")
print(f"epochs={data['epochs']} batch_size={data['batch_size']}")
print(f"lr={opt['lr']} momentum={opt['momentum']}")
print(f"schedule={sched['schedule']} warmup={sched['warmup']}")
for epoch in range(1, data["epochs"] + 1):
    loss = 1.0 / (epoch * opt["lr"] * 100)
    print(f"epoch {epoch}: loss={loss:.4f}")
