using IamGraph.Testing;

using Xunit.Abstractions;
using Xunit.Sdk;

namespace IamGraph.Api.Tests.Engines;

/// <summary>
/// Marks a concrete test class whose fixture is a PostgreSQL catalogue. Its <see cref="EngineFactAttribute"/> and
/// <see cref="EngineTheoryAttribute"/> cases are skipped, with <see cref="PostgresServer.SkipReason"/>, where no server can be had;
/// under CI=true there is no skip reason, so they run and a missing server fails them.
/// </summary>
#pragma warning disable CA1040 // a marker: the discoverers look for it on the test class
public interface IPostgresTests;
#pragma warning restore CA1040

/// <summary>A fact of a test class written once and run per engine (a concrete subclass per fixture).</summary>
[XunitTestCaseDiscoverer("IamGraph.Api.Tests.Engines.EngineFactDiscoverer", "IamGraph.Api.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class EngineFactAttribute : FactAttribute;

/// <summary>A theory of a test class written once and run per engine (a concrete subclass per fixture).</summary>
[XunitTestCaseDiscoverer("IamGraph.Api.Tests.Engines.EngineTheoryDiscoverer", "IamGraph.Api.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class EngineTheoryAttribute : TheoryAttribute;

/// <summary>
/// An <see cref="EngineFactAttribute"/> that also needs the shared docs: skipped where they are absent, as
/// <see cref="DocsFactAttribute"/> is, except under CI=true, where it runs and fails.
/// </summary>
[XunitTestCaseDiscoverer("IamGraph.Api.Tests.Engines.EngineFactDiscoverer", "IamGraph.Api.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DocsEngineFactAttribute : FactAttribute
{
    public DocsEngineFactAttribute()
    {
        Skip = new DocsFactAttribute().Skip;
    }
}

public sealed class EngineFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        EngineSkip.Apply(base.Discover(discoveryOptions, testMethod, factAttribute), DiagnosticMessageSink, discoveryOptions, testMethod);
}

public sealed class EngineTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        EngineSkip.Apply(base.Discover(discoveryOptions, testMethod, theoryAttribute), DiagnosticMessageSink, discoveryOptions, testMethod);
}

internal static class EngineSkip
{
    /// <summary>The engine's reason to skip the cases of <paramref name="testMethod"/>'s class, or null when they run.</summary>
    public static string? Reason(ITestMethod testMethod) =>
        typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) ? PostgresServer.SkipReason : null;

    /// <summary>Replaces each case by a skipped one with the same arguments, so a skipped engine reports as many cases as a running one.</summary>
    public static IEnumerable<IXunitTestCase> Apply(IEnumerable<IXunitTestCase> cases, IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod)
    {
        if (Reason(testMethod) is not { } reason)
        {
            return cases;
        }
        return cases.Select(c => c is ExecutionErrorTestCase
            ? c
            : new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason, c.TestMethodArguments));
    }
}
