# Reads `key: value` lines (the flat YAML used by train.yaml) without PyYAML.
def load(path):
    out = {}
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].rstrip()
            if not line or ":" not in line:
                continue
            key, value = (part.strip() for part in line.split(":", 1))
            out[key] = _scalar(value)
    return out


def _scalar(text):
    if text[:1] in "'\"":
        return text[1:-1]
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return {"true": True, "false": False, "null": None}.get(text, text)
