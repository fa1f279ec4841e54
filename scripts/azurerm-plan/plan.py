"""Writes Terraform plan JSON (format 1.2) for azurerm resources from a schema and a configuration.

Shapes follow real plans: optional attributes without a default are null, defaults are filled,
computed attributes that are not configured are absent from `after` and `true` in
`after_unknown`, blocks are lists, known lists are `[false, ...]` in after_unknown/after_sensitive,
known maps `{}`, sensitive attributes `true` in after_sensitive.
"""

import copy
import json


class Ref:
    """An expression referring to other objects. `value` is the known result, or UNKNOWN."""

    def __init__(self, hcl, *refs, value=None, unknown=True):
        self.hcl = hcl
        self.refs = list(refs)
        self.value = value
        self.unknown = unknown


class Schema:
    def __init__(self, attrs=None, computed=(), sensitive=(), blocks=None, computed_blocks=(), schema_version=0):
        self.attrs = attrs or {}  # name -> default when omitted (None = null)
        self.computed = set(computed)  # optional+computed or computed: unknown when omitted
        self.sensitive = set(sensitive)
        self.blocks = blocks or {}  # name -> Schema (nesting list)
        self.computed_blocks = set(computed_blocks)  # omitted -> unknown
        self.schema_version = schema_version


def shape(value):
    """after_unknown / after_sensitive shape of a known value."""
    if isinstance(value, list):
        return [shape(v) if isinstance(v, (list, dict)) else False for v in value]
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items() if isinstance(v, (list, dict))}
    return None


def render(schema, config):
    after, unknown, sensitive = {}, {}, {}
    names = set(schema.attrs) | schema.computed
    for name in sorted(names):
        if name in config:
            value = config[name]
            if isinstance(value, Ref):
                if value.unknown:
                    unknown[name] = True
                    continue
                value = value.value
            after[name] = copy.deepcopy(value)
            s = shape(value)
            if s is not None:
                unknown[name] = s
                if name not in schema.sensitive:
                    sensitive[name] = copy.deepcopy(s)
        elif name in schema.computed:
            unknown[name] = True
        else:
            after[name] = copy.deepcopy(schema.attrs[name])
            s = shape(after[name])
            if s is not None:
                unknown[name] = s
                sensitive[name] = copy.deepcopy(s)
        if name in schema.sensitive:
            sensitive[name] = True
    for name, nested in sorted(schema.blocks.items()):
        if name in config:
            items = config[name]
            rendered = [render(nested, item) for item in items]
            after[name] = [r[0] for r in rendered]
            unknown[name] = [r[1] for r in rendered]
            sensitive[name] = [r[2] for r in rendered]
        elif name in schema.computed_blocks:
            unknown[name] = True
            sensitive[name] = []
        else:
            after[name] = []
            unknown[name] = []
            sensitive[name] = []
    return after, unknown, sensitive


def expressions(schema, config):
    result = {}
    for name, value in sorted(config.items()):
        if name in schema.blocks:
            result[name] = [expressions(schema.blocks[name], item) for item in value]
        elif isinstance(value, Ref):
            result[name] = {"references": value.refs}
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            # Block syntax for an attribute: what is not written is null in the constant.
            result[name] = {"constant_value": [{k: (None if v in ("", []) else v) for k, v in item.items()}
                                               for item in value]}
        else:
            result[name] = {"constant_value": value}
    return result


class Resource:
    def __init__(self, type, name, schema, config, instances=None, module=None, count=None,
                 for_each=None, provider="azurerm", instance_configs=None):
        self.type, self.name, self.schema, self.config = type, name, schema, config
        self.instances = instances  # None, or list of index keys
        self.module = module
        self.count, self.for_each = count, for_each
        self.provider = provider
        self.instance_configs = instance_configs or {}  # key -> config overrides (resolved values)


PROVIDERS = {
    "azurerm": "registry.terraform.io/hashicorp/azurerm",
    "terraform": "terraform.io/builtin/terraform",
}


def terraform_data(name, value):
    return Resource("terraform_data", name, Schema({"input": None, "triggers_replace": None}, computed=["id", "output"]),
                    {"input": value}, provider="terraform")


def hcl_value(value, indent):
    if isinstance(value, Ref):
        return value.hcl
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(hcl_value(v, indent) for v in value) + "]"
    if isinstance(value, dict):
        pad = " " * (indent + 2)
        return "{\n" + "".join(f"{pad}{k} = {hcl_value(v, indent + 2)}\n" for k, v in value.items()) + " " * indent + "}"
    raise TypeError(value)


def hcl_body(schema, config, indent):
    pad = " " * indent
    lines = []
    width = max([len(k) for k, v in config.items() if k not in schema.blocks
                 and not (isinstance(v, list) and v and isinstance(v[0], dict))] or [0])
    for name, value in config.items():
        if name not in schema.blocks and isinstance(value, list) and value and isinstance(value[0], dict):
            # A set of objects in attribute mode, written with block syntax: only what is set.
            for item in value:
                given = {k: v for k, v in item.items() if v not in ("", [], None, 0)}
                lines.append("")
                lines.append(f"{pad}{name} {{")
                lines += hcl_body(Schema(), given, indent + 2)
                lines.append(f"{pad}}}")
        elif name in schema.blocks:
            for item in value:
                lines.append("")
                lines.append(f"{pad}{name} {{")
                lines += hcl_body(schema.blocks[name], item, indent + 2)
                lines.append(f"{pad}}}")
        else:
            lines.append(f"{pad}{name.ljust(width)} = {hcl_value(value, indent)}")
    return lines


def hcl(resources, comment, variables=None):
    """main.tf text per module ("" = root)."""
    files = {"": [f"# {line}" if line else "#" for line in comment.splitlines()]}
    for name in sorted(variables or {}):
        files[""] += ["", f'# Set with TF_VAR_{name}; the plan holds it in clear text, marked sensitive.',
                      f'variable "{name}" {{', "  type      = string", "  sensitive = true", "}"]
    modules = []
    for res in resources:
        lines = files.setdefault(res.module or "", [])
        if lines:
            lines.append("")
        lines.append(f'resource "{res.type}" "{res.name}" {{')
        if res.count is not None:
            lines += [f"  count = {res.count}", ""]
        if res.for_each is not None:
            lines += [f"  for_each = toset({hcl_value(res.for_each, 2)})", ""]
        lines += hcl_body(res.schema, res.config, 2)
        lines.append("}")
        if res.module and res.module not in modules:
            modules.append(res.module)
    for m in modules:
        files[""] += ["", f'module "{m}" {{', f'  source = "./{m}"', "}"]
    return {k: "\n".join(v) + "\n" for k, v in files.items()}


def plan(resources, version_constraint, timestamp="2026-12-05T09:30:00Z", relevant=(), variables=None):
    changes, planned_root, planned_modules, config_root, config_modules = [], [], {}, [], {}
    for res in resources:
        keys = res.instances if res.instances is not None else [None]
        for key in keys:
            cfg = dict(res.config)
            cfg.update(res.instance_configs.get(key, {}))
            after, unknown, sensitive = render(res.schema, cfg)
            local = f"{res.type}.{res.name}"
            if key is not None:
                local += f"[{json.dumps(key)}]" if isinstance(key, str) else f"[{key}]"
            address = f"module.{res.module}.{local}" if res.module else local
            change = {"address": address}
            if res.module:
                change["module_address"] = f"module.{res.module}"
            change.update({"mode": "managed", "type": res.type, "name": res.name})
            if key is not None:
                change["index"] = key
            change["provider_name"] = PROVIDERS[res.provider]
            change["change"] = {
                "actions": ["create"], "before": None, "after": after, "after_unknown": unknown,
                "before_sensitive": False, "after_sensitive": sensitive,
            }
            changes.append(change)
            planned = {"address": address, "mode": "managed", "type": res.type, "name": res.name}
            if key is not None:
                planned["index"] = key
            planned.update({"provider_name": PROVIDERS[res.provider], "schema_version": res.schema.schema_version,
                            "values": after, "sensitive_values": sensitive})
            if res.module:
                planned_modules.setdefault(res.module, []).append(planned)
            else:
                planned_root.append(planned)
        entry = {"address": f"{res.type}.{res.name}", "mode": "managed", "type": res.type, "name": res.name,
                 "provider_config_key": res.provider, "expressions": expressions(res.schema, res.config),
                 "schema_version": res.schema.schema_version}
        if res.count is not None:
            entry["count_expression"] = {"constant_value": res.count}
        if res.for_each is not None:
            entry["for_each_expression"] = {"constant_value": res.for_each}
        if res.module:
            config_modules.setdefault(res.module, []).append(entry)
        else:
            config_root.append(entry)
    changes.sort(key=lambda c: c["address"])
    planned_root.sort(key=lambda c: c["address"])
    planned_values = {"root_module": {"resources": planned_root}} if planned_root else {"root_module": {}}
    if planned_modules:
        planned_values["root_module"]["child_modules"] = [
            {"resources": sorted(v, key=lambda c: c["address"]), "address": f"module.{k}"}
            for k, v in sorted(planned_modules.items())]
    providers = {"azurerm": {"name": "azurerm", "full_name": PROVIDERS["azurerm"],
                             "version_constraint": version_constraint,
                             "expressions": {"features": [{}]}}}
    if any(r.provider == "terraform" for r in resources):
        providers["terraform"] = {"name": "terraform", "full_name": PROVIDERS["terraform"]}
    root = {"resources": sorted(config_root, key=lambda c: c["address"])} if config_root else {}
    if config_modules:
        root["module_calls"] = {k: {"source": f"./{k}", "module": {"resources": sorted(v, key=lambda c: c["address"])}}
                                for k, v in sorted(config_modules.items())}
    document = {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
    }
    if variables:
        document["variables"] = {k: {"value": v} for k, v in sorted(variables.items())}
        root["variables"] = {k: {"sensitive": True} for k in sorted(variables)}
    document.update({
        "planned_values": planned_values,
        "resource_changes": changes,
        "configuration": {"provider_config": providers, "root_module": root},
    })
    if relevant:
        document["relevant_attributes"] = [{"resource": r, "attribute": a} for r, a in relevant]
    document.update({"timestamp": timestamp, "applyable": True, "complete": True, "errored": False})
    return document


def write(path, document):
    import os
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(document, f, indent=2)
        f.write("\n")
