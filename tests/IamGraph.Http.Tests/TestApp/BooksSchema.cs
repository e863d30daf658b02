using GraphQL;
using GraphQL.Types;

using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Http.Tests.TestApp;

/// <summary>A small schema with a list, a nested list (for cost), a failing field, a slow field and a mutation.</summary>
public sealed class BooksSchema : Schema
{
    public BooksSchema(IServiceProvider services, BooksQuery query, BooksMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        // As every schema served behind the endpoint should: an IDE's introspection query must not count against MaxComplexity.
        this.WithIntrospectionComplexityImpact(0);
    }
}

public sealed class BookType : ObjectGraphType<Book>
{
    public BookType()
    {
        Name = "Book";
        Field(b => b.Title);
        Field(b => b.Author);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("related")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<BookStore>().All());
    }
}

public sealed class BooksQuery : ObjectGraphType
{
    public BooksQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("books")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<BookStore>().All());
        Field<StringGraphType>("hello").Resolve(_ => "world");
        Field<StringGraphType>("boom")
            .Resolve(_ => throw new InvalidOperationException("secret: Host=db.internal;Password=hunter2"));
        Field<StringGraphType>("slow")
            .ResolveAsync(async ctx =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20), ctx.CancellationToken);
                return "done";
            });
    }
}

public sealed class BooksMutation : ObjectGraphType
{
    public BooksMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<BookType>>("addBook")
            .Argument<NonNullGraphType<StringGraphType>>("title")
            .Argument<NonNullGraphType<StringGraphType>>("author")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<BookStore>()
                .Add(ctx.GetArgument<string>("title"), ctx.GetArgument<string>("author")));
    }
}
