namespace IamGraph.Http.TestHost;

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

/// <summary>Lets tests flip /readyz between ready and not.</summary>
public sealed class ReadinessSwitch
{
    public bool IsReady { get; set; } = true;
}
