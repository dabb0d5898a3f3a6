#!/usr/bin/env python3
"""Validates projet.yaml files against Templates/init/projet.schema.json, as an editor would.

Dates stay text (AAAA-MM-JJ), as SanteDoc reads them. Usage: check-schema.py FILE...
"""
import json
import pathlib
import sys

import jsonschema
import yaml


class TextDates(yaml.SafeLoader):
    pass


TextDates.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

def as_json(value):
    """JSON object keys are text; YAML's `2:` is an integer key."""
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


schema = json.loads((pathlib.Path(__file__).parent.parent / "Templates/init/projet.schema.json").read_text())
jsonschema.Draft7Validator.check_schema(schema)
failed = False
for name in sys.argv[1:]:
    data = as_json(yaml.load(pathlib.Path(name).read_text(encoding="utf-8"), Loader=TextDates))
    for error in jsonschema.Draft7Validator(schema).iter_errors(data):
        failed = True
        print(f"{name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
sys.exit(1 if failed else 0)
