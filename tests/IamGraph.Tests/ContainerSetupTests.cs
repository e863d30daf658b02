using System.Text.RegularExpressions;
using IamGraph.Catalog;
using IamGraph.Commands;
using IamGraph.Testing;
using YamlDotNet.RepresentationModel;

namespace IamGraph.Tests;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml and the Dockerfile are kept honest structurally:
/// every path, port, command and environment variable they name must exist in the project.
/// </summary>
public sealed partial class ContainerSetupTests
{
    private static readonly string Root = Repository.Root;
    private static readonly YamlMappingNode Services = (YamlMappingNode)LoadCompose()["services"];
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(Root, "src", "IamGraph", "Dockerfile"));

    [Fact]
    public void Compose_has_postgres_with_a_healthcheck_and_a_volume_a_one_shot_import_and_the_server()
    {
        Assert.Equal(["graphql", "import", "postgres"], Services.Children.Keys.Select(k => k.ToString()).Order());
        var postgres = Service("postgres");
        Assert.True(postgres.Children.ContainsKey("healthcheck"));
        Assert.StartsWith("pgdata:", Sequence(postgres, "volumes").Single());
        Assert.Equal("service_healthy", Scalar((YamlMappingNode)((YamlMappingNode)Service("import")["depends_on"])["postgres"], "condition"));
        Assert.Equal("service_completed_successfully", Scalar((YamlMappingNode)((YamlMappingNode)Service("graphql")["depends_on"])["import"], "condition"));
        Assert.Equal("no", Scalar(Service("import"), "restart"));
    }

    [Fact]
    public void Every_path_compose_and_the_Dockerfile_name_exists()
    {
        var build = (YamlMappingNode)Service("import")["build"];
        Assert.True(Directory.Exists(Path.Combine(Root, Scalar(build, "context"))));
        Assert.True(File.Exists(Path.Combine(Root, Scalar(build, "dockerfile"))));
        foreach (var volume in Sequence(Service("import"), "volumes"))
        {
            var host = DefaultOf(volume).Split(':')[0];
            Assert.True(Directory.Exists(Path.Combine(Root, host)), $"compose mounts {host}, which does not exist");
        }
        foreach (var line in Dockerfile.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[1..^1])
            {
                Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"Dockerfile copies {source}, which does not exist");
            }
        }
    }

    [Fact]
    public void Commands_are_valid_iamgraph_command_lines_and_ports_agree()
    {
        foreach (var name in new[] { "import", "graphql" })
        {
            var args = Sequence(Service(name), "command");
            Assert.Empty(IamGraphCommandLine.Create().Parse(args).Errors);
        }
        var serve = Sequence(Service("graphql"), "command");
        var port = new Uri(serve[serve.IndexOf("--urls") + 1].Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
        Assert.Equal($"5000:{port}", Sequence(Service("graphql"), "ports").Single());
        Assert.Contains($"EXPOSE {port}", Dockerfile);
        Assert.Contains(Dockerfile, l => l.Contains($"--urls\", \"http://0.0.0.0:{port}\"", StringComparison.Ordinal));
        // The entry point is the executable this repository builds (the apphost of the self-contained publish).
        Assert.Contains($"ENTRYPOINT [\"/app/{typeof(IamGraphCommandLine).Assembly.GetName().Name}\"]", Dockerfile);
    }

    [Fact]
    public void The_environment_names_the_variable_the_app_reads_with_a_PostgreSQL_connection_string()
    {
        foreach (var name in new[] { "import", "graphql" })
        {
            var environment = (YamlMappingNode)Service(name)["environment"];
            var value = Scalar(environment, CatalogDatabase.EnvironmentVariable);
            var connection = CatalogConnection.Parse(value);
            Assert.Equal(CatalogProvider.Postgres, connection.Provider);
            Assert.Contains("Host=postgres", value);
        }
        Assert.Contains(Dockerfile, l => l.Contains($"{CatalogDatabase.EnvironmentVariable}=", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cold_path_script_measures_the_publish_the_image_ships()
    {
        // tests/load/cold.sh's figures (issue 11) are only the image's when both publish alike: self-contained, composite ReadyToRun.
        var coldScript = File.ReadAllText(Path.Combine(Root, "tests", "load", "cold.sh"));
        var publish = Dockerfile.Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        Assert.All(["--self-contained true", "-p:PublishReadyToRun=true", "-p:PublishReadyToRunComposite=true"], option =>
        {
            Assert.Contains(option, publish, StringComparison.Ordinal);
            Assert.Contains(option, coldScript, StringComparison.Ordinal);
        });
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime-deps:", string.Join("\n", Dockerfile), StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_runs_with_the_garbage_collector_the_executable_was_measured_with()
    {
        // Server GC is chosen in src/IamGraph's project (GarbageCollectorSettingsTests) for Q1 and the import; an
        // environment override in the image would serve with a GC nobody measured.
        Assert.DoesNotContain(Dockerfile, l => l.Contains("DOTNET_gc", StringComparison.OrdinalIgnoreCase) || l.Contains("COMPlus_gc", StringComparison.OrdinalIgnoreCase));
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) => [.. ((YamlSequenceNode)node[key]).Select(n => ((YamlScalarNode)n).Value!)];

    /// <summary>`${VAR:-default}` as compose reads it when VAR is unset.</summary>
    private static string DefaultOf(string text) => DefaultPattern().Replace(text, m => m.Groups[1].Value);

    [GeneratedRegex(@"\$\{[A-Z_]+:-([^}]*)\}")]
    private static partial Regex DefaultPattern();

    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
