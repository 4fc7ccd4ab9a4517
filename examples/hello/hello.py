# A tiny Gage example: the module-level globals below are the run's flags.
# `gage run hello name=Ada` copies this file into a run dir and rewrites
# `name` there; this project file stays as it is.

name = "World"
times = 1

for _ in range(times):
    print(f"Hello {name}")
