using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IamGraph.Http.Tests.TestApp;

public sealed record Book(string Title, string Author);

/// <summary>In-memory data for the test schema.</summary>
public sealed class BookStore
{
    private readonly List<Book> _books = [new("Dune", "Frank Herbert"), new("Emma", "Jane Austen")];
    private readonly Lock _lock = new();

    public IReadOnlyList<Book> All()
    {
        lock (_lock)
        {
            return [.. _books];
        }
    }

    public Book Add(string title, string author)
    {
        var book = new Book(title, author);
        lock (_lock)
        {
            _books.Add(book);
        }

        return book;
    }
}

/// <summary>Lets tests flip /readyz between ready and not, or make its check throw.</summary>
public sealed class ReadinessSwitch
{
    public bool IsReady { get; set; } = true;

    /// <summary>When set, the check throws it, as a check whose database call fails would.</summary>
    public Exception? Failure { get; set; }
}

/// <summary>The app's one readiness check, following the <see cref="ReadinessSwitch"/>.</summary>
public sealed class BooksReadinessCheck(ReadinessSwitch readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        readiness.Failure is { } failure
            ? throw failure
            : Task.FromResult(readiness.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("book store offline"));
}
