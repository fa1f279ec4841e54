"""Writes Terraform plan JSON (format 1.2) and the matching .tf for hashicorp/google fixtures.

The google provider cannot be installed on the machines that build Palisade, so the GCP rule
fixtures are written by us. This module keeps them faithful and consistent: each resource type
has a schema table transcribed from the provider's schema (hashicorp/terraform-provider-google,
google/services/*/resource_*.go) that says, per attribute, whether an omitted value is null,
a provider default, an empty block list, or computed at apply. A fixture lists what the
configuration sets; `after`, `after_unknown`, `after_sensitive`, `planned_values`,
`configuration` and the `.tf` text are derived from that one description, the way Terraform
derives them (shapes checked against our real hashicorp/aws plans in policies/AWS-*).
"""

import json
import os

# --- schema markers -------------------------------------------------------------------------


class Computed:
    """Optional+Computed or Computed: omitted -> unknown at plan time (`true` in after_unknown)."""

    def __init__(self, shape=None):
        self.shape = shape  # None: primitive; "list": list/set/block list; "map": map


C = Computed()
CL = Computed("list")
CM = Computed("map")


class Block:
    """A nested block (list of objects in plan JSON); omitted -> [] unless computed."""

    def __init__(self, schema, computed=False):
        self.schema = schema
        self.computed = computed


# Optional attribute without default: omitted -> null.
N = None


class Ref:
    """A configuration expression that refers to something (`references` in configuration)."""

    def __init__(self, hcl, refs, value="__unknown__"):
        self.hcl = hcl
        self.refs = refs
        self.value = value

    @property
    def known(self):
        return self.value != "__unknown__"


class Dynamic:
    """A `dynamic` block whose for_each is known only after apply: the block list is unknown.

    Terraform's configuration output does not expand dynamic blocks, so it has no expression."""

    def __init__(self, for_each_hcl, content):
        self.for_each_hcl = for_each_hcl
        self.content = content


class Literal:
    """A constant written in HCL other than as the plain value (e.g. a jsonencode call)."""

    def __init__(self, hcl, value):
        self.hcl = hcl
        self.value = value


UNKNOWN = object()

# --- plan construction ------------------------------------------------------------------------


def _after(schema, config):
    """The planned value of an object: configured values over the schema's omissions."""
    result = {}
    for name in sorted(set(schema) | set(config)):
        spec = schema.get(name, N)
        if name in config:
            result[name] = _configured(spec, config[name])
        elif isinstance(spec, Computed):
            result[name] = UNKNOWN
        elif isinstance(spec, Block):
            result[name] = UNKNOWN if spec.computed else []
        else:
            result[name] = spec
    return result


def _configured(spec, value):
    if isinstance(value, Dynamic):
        return UNKNOWN
    if isinstance(value, Ref):
        return value.value if value.known else UNKNOWN
    if isinstance(value, Literal):
        return value.value
    if isinstance(spec, Block):
        return [_after(spec.schema, element) for element in value]
    if isinstance(value, list):
        return [_configured(None, element) for element in value]
    return value


def _known(value):
    """`after`: unknowns left out of objects."""
    if value is UNKNOWN:
        raise ValueError("unknown outside an object")
    if isinstance(value, dict):
        return {k: _known(v) for k, v in value.items() if v is not UNKNOWN}
    if isinstance(value, list):
        return [_known(v) for v in value]
    return value


def _unknown_shape(value):
    if value is UNKNOWN:
        return True
    if isinstance(value, dict):
        shaped = {k: _unknown_shape(v) for k, v in value.items()}
        return {k: v for k, v in shaped.items() if v is not False}
    if isinstance(value, list):
        return [_unknown_shape(v) for v in value]
    return False


def _sensitive_shape(value, spec=None):
    if value is UNKNOWN:
        if isinstance(spec, Computed) and spec.shape == "list":
            return []
        if isinstance(spec, Computed) and spec.shape == "map":
            return {}
        if isinstance(spec, Block):
            return []
        return False
    if isinstance(value, dict):
        schema = spec.schema if isinstance(spec, Block) else (spec if isinstance(spec, dict) else {})
        shaped = {k: _sensitive_shape(v, schema.get(k)) for k, v in value.items()}
        return {k: v for k, v in shaped.items() if v is not False}
    if isinstance(value, list):
        inner = spec if isinstance(spec, Block) else None
        return [_sensitive_shape(v, inner) for v in value]
    return False


def _expressions(schema, config):
    result = {}
    for name, value in sorted(config.items()):
        spec = schema.get(name)
        if isinstance(value, Dynamic):
            continue
        if isinstance(value, Ref):
            result[name] = {"references": value.refs}
        elif isinstance(value, Literal):
            result[name] = {"constant_value": value.value}
        elif isinstance(spec, Block):
            result[name] = [_expressions(spec.schema, element) for element in value]
        else:
            result[name] = {"constant_value": value}
    return result


class Resource:
    """One resource block; `count` expands it to instances (config may be a function of i)."""

    def __init__(self, rtype, name, schema, config, count=None, module=None, schema_version=0,
                 comment=None, actions=("create",)):
        self.type = rtype
        self.name = name
        self.schema = schema
        self.config = config
        self.count = count
        self.module = module
        self.schema_version = schema_version
        self.comment = comment
        self.actions = list(actions)

    def instances(self):
        if self.count is None:
            yield None, self.config if not callable(self.config) else self.config(0)
        else:
            for index in range(self.count):
                yield index, self.config(index)

    def address(self, index):
        base = f"{self.type}.{self.name}" + ("" if index is None else f"[{index}]")
        return base if self.module is None else f"module.{self.module}.{base}"


def plan(resources, provider_version="6.12.0"):
    changes = []
    planned = {}
    for resource in resources:
        for index, config in resource.instances():
            after_full = _after(resource.schema, config)
            after = _known(after_full)
            unknown = _unknown_shape(after_full)
            sensitive = _sensitive_shape(after_full, resource.schema)
            change = {
                "address": resource.address(index),
                **({"module_address": f"module.{resource.module}"} if resource.module else {}),
                "mode": "managed",
                "type": resource.type,
                "name": resource.name,
                **({"index": index} if index is not None else {}),
                "provider_name": "registry.terraform.io/hashicorp/google",
                "change": {
                    "actions": resource.actions,
                    "before": None,
                    "after": after,
                    "after_unknown": unknown,
                    "before_sensitive": False,
                    "after_sensitive": sensitive,
                },
            }
            changes.append(change)
            planned.setdefault(resource.module, []).append({
                "address": resource.address(index),
                "mode": "managed",
                "type": resource.type,
                "name": resource.name,
                **({"index": index} if index is not None else {}),
                "provider_name": "registry.terraform.io/hashicorp/google",
                "schema_version": resource.schema_version,
                "values": after,
                "sensitive_values": sensitive,
            })
    root_planned = {"resources": planned.get(None, [])}
    children = [
        {"resources": items, "address": f"module.{module}"}
        for module, items in sorted((m, r) for m, r in planned.items() if m is not None)
    ]
    if children:
        root_planned["child_modules"] = children
    if not root_planned["resources"]:
        del root_planned["resources"]

    def configuration(module):
        entries = []
        for resource in sorted((r for r in resources if r.module == module), key=lambda r: (r.type, r.name)):
            _, config = next(resource.instances())
            entry = {
                "address": f"{resource.type}.{resource.name}",
                "mode": "managed",
                "type": resource.type,
                "name": resource.name,
                "provider_config_key": "google",
                "expressions": _expressions(resource.schema, config),
                "schema_version": resource.schema_version,
            }
            if resource.count is not None:
                entry["count_expression"] = {"constant_value": resource.count}
            entries.append(entry)
        return entries

    root_module = {}
    root_resources = configuration(None)
    if root_resources:
        root_module["resources"] = root_resources
    modules = sorted({r.module for r in resources if r.module is not None})
    if modules:
        root_module["module_calls"] = {
            m: {"source": f"./{m}", "module": {"resources": configuration(m)}} for m in modules
        }
    return {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "planned_values": {"root_module": root_planned},
        "resource_changes": sorted(changes, key=lambda c: c["address"]),
        "configuration": {
            "provider_config": {
                "google": {
                    "name": "google",
                    "full_name": "registry.terraform.io/hashicorp/google",
                    "version_constraint": provider_version,
                    "expressions": {
                        "project": {"constant_value": "palisade-fixtures"},
                        "region": {"constant_value": "europe-west1"},
                    },
                }
            },
            "root_module": root_module,
        },
        "timestamp": "2026-12-05T09:30:00Z",
        "applyable": True,
        "complete": True,
        "errored": False,
    }


# --- HCL ----------------------------------------------------------------------------------------


def _hcl_value(value):
    if isinstance(value, Ref):
        return value.hcl
    if isinstance(value, Literal):
        return value.hcl
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_hcl_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_hcl_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def _hcl_body(schema, config, indent):
    pad = "  " * indent
    lines = []
    attributes = [(k, v) for k, v in config.items() if not isinstance(schema.get(k), Block)]
    blocks = [(k, v) for k, v in config.items() if isinstance(schema.get(k), Block)]
    width = max((len(k) for k, _ in attributes), default=0)
    for key, value in attributes:
        lines.append(f"{pad}{key.ljust(width)} = {_hcl_value(value)}")
    for key, elements in blocks:
        if isinstance(elements, Dynamic):
            lines.append(f'{pad}dynamic "{key}" {{')
            lines.append(f"{pad}  for_each = {elements.for_each_hcl}")
            lines.append(f"{pad}  content {{")
            lines.extend(_hcl_body(schema[key].schema, elements.content, indent + 2))
            lines.append(f"{pad}  }}")
            lines.append(f"{pad}}}")
            continue
        for element in elements:
            if element:
                lines.append(f"{pad}{key} {{")
                lines.extend(_hcl_body(schema[key].schema, element, indent + 1))
                lines.append(f"{pad}}}")
            else:
                lines.append(f"{pad}{key} {{}}")
    return lines


def hcl(resources, module=None, header=None):
    out = []
    if header:
        out.extend("# " + line if line else "#" for line in header.strip().splitlines())
    for resource in resources:
        if resource.module != module:
            continue
        if out:
            out.append("")
        if resource.comment:
            out.extend("# " + line for line in resource.comment.strip().splitlines())
        out.append(f'resource "{resource.type}" "{resource.name}" {{')
        if resource.count is not None:
            out.append(f"  count = {resource.count}")
            out.append("")
        _, config = next(resource.instances())
        out.extend(_hcl_body(resource.schema, config, 1))
        out.append("}")
    return "\n".join(out) + "\n"


PROVIDER_TF = """terraform {{
  required_providers {{
    google = {{ source = "hashicorp/google", version = "{version}" }}
  }}
}}

# Written for a plan made offline; the google provider is not installed on the build machines
# (see ../SOURCE.md).
provider "google" {{
  project = "palisade-fixtures"
  region  = "europe-west1"
}}
"""


def write_fixture(rule_dir, case, resources, header=None, provider_version="6.12.0"):
    directory = os.path.join(rule_dir, "fixtures", case)
    os.makedirs(directory, exist_ok=True)
    document = plan(resources, provider_version)
    with open(os.path.join(directory, "plan.json"), "w") as handle:
        json.dump(document, handle, indent=2, sort_keys=False)
        handle.write("\n")
    modules = sorted({r.module for r in resources if r.module is not None})
    root = hcl(resources, None, header)
    for module in modules:
        root += f'\nmodule "{module}" {{\n  source = "./{module}"\n}}\n'
        os.makedirs(os.path.join(directory, module), exist_ok=True)
        with open(os.path.join(directory, module, "main.tf"), "w") as handle:
            handle.write(hcl(resources, module))
    with open(os.path.join(directory, "main.tf"), "w") as handle:
        handle.write(root.lstrip("\n"))
    with open(os.path.join(directory, "provider.tf"), "w") as handle:
        handle.write(PROVIDER_TF.format(version=provider_version))
