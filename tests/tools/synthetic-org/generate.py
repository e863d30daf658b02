#!/usr/bin/env python3
"""Synthetic organisation for issue 10's scale figures: N accounts, each with U users and R roles, made from the
example get-account-authorization-details file (its policies, groups and inline documents), one file per account.

Usage: generate.py <example.json> <out-dir> [--accounts 20] [--users 250] [--roles 250] [--seed 1]

Every account gets the example's groups and its customer-managed and AWS-managed policies (under its own account id),
and U users and R roles. Users join random groups, attach random managed policies (a third hold AdministratorAccess or
PowerUserAccess), and some get an inline policy and a permissions boundary; roles likewise, with a trust policy.
"""
import argparse
import copy
import json
import os
import random

EXAMPLE_ACCOUNT = "012345678901"


def retarget(value, account):
    """The example's account id replaced by this account's, everywhere in a JSON value."""
    return json.loads(json.dumps(value).replace(EXAMPLE_ACCOUNT, account))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("example")
    parser.add_argument("out")
    parser.add_argument("--accounts", type=int, default=20)
    parser.add_argument("--users", type=int, default=250)
    parser.add_argument("--roles", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.example, encoding="utf-8") as f:
        example = json.load(f)
    os.makedirs(args.out, exist_ok=True)

    managed = [p["Arn"] for p in example["Policies"]]
    broad = ["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/PowerUserAccess"]
    inline_docs = [p["PolicyDocument"] for d in example["UserDetailList"] + example["RoleDetailList"]
                   for p in d.get("UserPolicyList", []) + d.get("RolePolicyList", [])]
    trust = example["RoleDetailList"][0]["AssumeRolePolicyDocument"]

    for a in range(args.accounts):
        account = f"{100000000000 + a:012d}"
        arn = f"arn:aws:iam::{account}"
        policies = [retarget(p, account) for p in example["Policies"]]
        groups = [retarget(g, account) for g in example["GroupDetailList"]]
        customer = [p["Arn"] for p in policies if f":{account}:" in p["Arn"]]
        attachable = [m.replace(EXAMPLE_ACCOUNT, account) for m in managed]

        def attached():
            chosen = rng.sample(attachable, rng.randint(0, 3))
            if rng.random() < 0.33:
                chosen.append(rng.choice(broad))
            return [{"PolicyName": c.rsplit("/", 1)[1], "PolicyArn": c} for c in dict.fromkeys(chosen)]

        def inline(kind, i):
            if rng.random() < 0.5:
                return []
            return [{"PolicyName": f"{kind}-inline-{i}", "PolicyDocument": rng.choice(inline_docs)}]

        def boundary():
            if rng.random() < 0.1:
                return {"PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": rng.choice(customer + broad)}}
            return {}

        users = [dict({
            "Path": "/", "UserName": f"user{i}", "UserId": f"AIDA{a}X{i}", "Arn": f"{arn}:user/user{i}",
            "CreateDate": "2020-01-01 00:00:00+00:00",
            "GroupList": rng.sample([g["GroupName"] for g in groups], rng.randint(0, len(groups))),
            "UserPolicyList": inline("user", i), "AttachedManagedPolicies": attached(),
            "Tags": [{"Key": "team", "Value": f"t{i % 7}"}],
        }, **boundary()) for i in range(args.users)]
        roles = [dict({
            "Path": "/", "RoleName": f"role{i}", "RoleId": f"AROA{a}X{i}", "Arn": f"{arn}:role/role{i}",
            "CreateDate": "2020-01-01 00:00:00+00:00", "AssumeRolePolicyDocument": copy.deepcopy(trust),
            "RolePolicyList": inline("role", i), "AttachedManagedPolicies": attached(), "Tags": [],
        }, **boundary()) for i in range(args.roles)]
        details = {"UserDetailList": users, "GroupDetailList": groups, "RoleDetailList": roles, "Policies": policies}
        with open(os.path.join(args.out, f"account-{account}.json"), "w", encoding="utf-8") as f:
            json.dump(details, f)


if __name__ == "__main__":
    main()
