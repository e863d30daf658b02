using GraphQL.DataLoader;

namespace IamGraph.Api.Common.DataLoading;

public static class DataLoaderResultExtensions
{
    /// <summary>Transforms a pending result without awaiting it, so the resolver still returns before the batch runs.</summary>
    public static IDataLoaderResult<TOut> Map<TIn, TOut>(this IDataLoaderResult<TIn> source, Func<TIn, TOut> map) =>
        new MappedResult<TIn, TOut>(source, map);

    private sealed class MappedResult<TIn, TOut>(IDataLoaderResult<TIn> source, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await source.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
