using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace IamGraph.Import.Tests.Reading.Npm;

/// <summary>Small hand-made npm packages: tarballs as `npm pack` writes them (entries under <c>package/</c>) and plain files.</summary>
internal static class NpmFixtures
{
    /// <summary>Two policies as the package writes them (4-space indentation): line 2 starts "Small", line 5 its versions.</summary>
    public const string TwoPolicies = """
        {
            "Small": {
                "arn": "arn:aws:iam::aws:policy/Small",
                "latestVersionId": "v2",
                "versions": {
                    "v1": {
                        "createdDate": "2020-01-01T00:00:00.000Z",
                        "document": {
                            "Version": "2012-10-17",
                            "Statement": [
                                {
                                    "Effect": "Allow",
                                    "Action": "s3:GetObject",
                                    "Resource": "*"
                                }
                            ]
                        }
                    },
                    "v2": {
                        "createdDate": "2021-01-01T00:00:00.000Z",
                        "document": {
                            "Version": "2012-10-17",
                            "Statement": [
                                {
                                    "Sid": "Read",
                                    "Effect": "Allow",
                                    "Action": [
                                        "s3:GetObject",
                                        "s3:List*"
                                    ],
                                    "Resource": "*",
                                    "Condition": {
                                        "Bool": {
                                            "aws:SecureTransport": "true"
                                        }
                                    }
                                },
                                {
                                    "Effect": "Deny",
                                    "NotAction": "s3:*",
                                    "NotResource": [
                                        "arn:aws:s3:::a",
                                        "arn:aws:s3:::b"
                                    ]
                                }
                            ]
                        }
                    }
                },
                "createdDate": "2020-01-01T00:00:00.000Z",
                "lastUpdatedDate": "2021-01-01T00:00:00.000Z"
            },
            "Other": {
                "arn": "arn:aws:iam::aws:policy/service-role/Other",
                "latestVersionId": "v1",
                "versions": {
                    "v1": {
                        "document": {
                            "Version": "2012-10-17",
                            "Statement": {
                                "Effect": "Deny",
                                "Action": "*",
                                "Resource": "*"
                            }
                        }
                    }
                }
            }
        }
        """;

    public static string WriteText(string path, string text) => WriteBytes(path, Encoding.UTF8.GetBytes(text));

    public static string WriteBytes(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A gzip-compressed tar of the given entries, named as given (<c>package/dist/managedPolicies.json</c>).</summary>
    public static string WriteTarball(string path, params (string Name, byte[] Content)[] entries)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        foreach (var (name, content) in entries)
        {
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
        return path;
    }

    public static (string, byte[]) Entry(string name, string text) => (name, Encoding.UTF8.GetBytes(text));

    /// <summary>A minimal catalogue with one service, s3, and one action whose access level is <paramref name="accessLevel"/>.</summary>
    public static (string, byte[])[] Catalog(string accessLevel = "Read") =>
    [
        Entry("package/data/services.json", """["s3"]"""),
        Entry("package/data/serviceNames.json", """{"s3": "Amazon S3"}"""),
        Entry("package/data/actions/s3.json", $$"""
            {
              "getobject": {
                "name": "GetObject",
                "description": "Grants permission to retrieve objects",
                "accessLevel": "{{accessLevel}}",
                "resourceTypes": [
                  { "name": "object", "required": true, "conditionKeys": [], "dependentActions": [] }
                ],
                "conditionKeys": ["s3:TlsVersion"],
                "dependentActions": []
              }
            }
            """),
        Entry("package/data/resourceTypes/s3.json", """{"object": {"key": "object", "arn": "arn:${Partition}:s3:::${BucketName}/${ObjectName}", "conditionKeys": []}}"""),
        Entry("package/data/conditionKeys/s3.json", """{"s3:tlsversion": {"key": "s3:TlsVersion", "description": "Filters by TLS version", "type": "Numeric"}}"""),
        Entry("package/dist/index.js", "module.exports = {};"),
    ];
}
