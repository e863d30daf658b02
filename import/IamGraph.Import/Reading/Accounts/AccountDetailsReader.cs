using System.Text.Json;

using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;

namespace IamGraph.Import.Reading.Accounts;

/// <summary>
/// Reads one account's <c>aws iam get-account-authorization-details</c> output (the CLI's JSON, or the API's with
/// URL-encoded documents) into an <see cref="AccountSource"/>. Streamed: one user, group, role or policy at a time.
/// </summary>
public static class AccountDetailsReader
{
    /// <summary>The largest single element (a policy with all its versions); IAM caps a document at 6,144 characters, versions at 5.</summary>
    public const int MaxElementBytes = 64 << 20;

    public static AccountSource Read(string path, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            throw new ImportException("is a folder; expected the JSON file `aws iam get-account-authorization-details` writes", path);
        }
        if (!File.Exists(path))
        {
            throw new ImportException("no such file; expected the JSON file `aws iam get-account-authorization-details` writes", path);
        }
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(input, path, cancellationToken);
    }

    public static AccountSource Read(Stream input, string file, CancellationToken cancellationToken = default)
    {
        var stream = new JsonArrayElementStream(input, file, MaxElementBytes);
        var reading = new AccountDetailsReading(file);
        var principals = new List<PrincipalEntry>();
        var policies = new List<ManagedPolicyEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? account = null;
        var accountLine = 0;

        void Own(string arn, int line, string what)
        {
            var owner = AccountDetailsReading.AccountOf(arn)!;
            if (owner == "aws")
            {
                return;
            }
            if (account is null)
            {
                (account, accountLine) = (owner, line);
            }
            else if (account != owner)
            {
                throw new ImportException(
                    $"{what} {arn} belongs to account {owner}, but the file's first entry (line {accountLine}) to account {account}; expected one account per file (give each its own --account)", file, line);
            }
            if (!seen.TryAdd(arn, line))
            {
                throw new ImportException($"{what} {arn} is given twice (first at line {seen[arn]}); expected each once", file, line);
            }
        }

        stream.Read(element =>
        {
            PrincipalKind? kind = element.Array switch
            {
                "UserDetailList" => PrincipalKind.User,
                "GroupDetailList" => PrincipalKind.Group,
                "RoleDetailList" => PrincipalKind.Role,
                _ => null,
            };
            if (kind is null && element.Array != "Policies")
            {
                return;
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(element.Json);
            }
            catch (JsonException ex)
            {
                throw new ImportException($"invalid JSON in {element.Array}[{element.Index}]: {ex.Message}", file, element.Line + (int)(ex.LineNumber ?? 0), ex);
            }
            using (document)
            {
                if (kind is { } k)
                {
                    var principal = reading.Principal(element, document.RootElement, k);
                    Own(principal.Arn, element.Line, k.ToString().ToLowerInvariant());
                    principals.Add(principal);
                }
                else
                {
                    var policy = reading.Policy(element, document.RootElement);
                    Own(policy.Arn, element.Line, "policy");
                    policies.Add(policy);
                }
            }
        }, cancellationToken);

        if (account is null)
        {
            throw new ImportException(
                "the file names no user, group, role or customer-managed policy, so no account; expected the output of `aws iam get-account-authorization-details`", file);
        }
        return new AccountSource(file, account, principals, policies, reading.Notes);
    }
}
