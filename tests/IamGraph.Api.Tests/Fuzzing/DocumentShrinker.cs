namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>
/// Shrinks a failing document to a small one that fails the same way, greedily: try each one-step-smaller variant (a selection,
/// an argument, an input field or list item removed; a fragment, variable, alias or directive undone; a long string halved) and keep
/// the first that still fails, until none does or the budget is spent. A variant that breaks validity fails differently and is
/// discarded by the caller's check, so the variants need not be valid.
/// </summary>
public static class DocumentShrinker
{
    public static async Task<FuzzDocument> ShrinkAsync(FuzzDocument document, Func<FuzzDocument, Task<bool>> failsTheSameWay, int budget)
    {
        var current = document;
        var tries = 0;
        bool progressed;
        do
        {
            progressed = false;
            foreach (var candidate in Smaller(current))
            {
                if (++tries > budget)
                {
                    return current;
                }
                if (await failsTheSameWay(candidate))
                {
                    current = candidate;
                    progressed = true;
                    break;
                }
            }
        }
        while (progressed);
        return current;
    }

    public static IEnumerable<FuzzDocument> Smaller(FuzzDocument document) =>
        Selections(document.Selections, allowEmpty: false).Select(s => new FuzzDocument(s));

    private static IEnumerable<IReadOnlyList<FuzzSelection>> Selections(IReadOnlyList<FuzzSelection> list, bool allowEmpty)
    {
        // Coarse cuts first: drop a whole selection, then flatten fragments, then edit inside.
        if (list.Count > 1 || allowEmpty)
        {
            for (var i = 0; i < list.Count; i++)
            {
                yield return [.. list.Take(i), .. list.Skip(i + 1)];
            }
        }
        for (var i = 0; i < list.Count; i++)
        {
            var children = list[i] switch
            {
                InlineFragment f => f.Children,
                FragmentSpread s => s.Children,
                _ => null,
            };
            if (children is not null)
            {
                yield return [.. list.Take(i), .. children, .. list.Skip(i + 1)];
            }
        }
        for (var i = 0; i < list.Count; i++)
        {
            foreach (var variant in Selection(list[i]))
            {
                yield return [.. list.Take(i), variant, .. list.Skip(i + 1)];
            }
        }
    }

    private static IEnumerable<FuzzSelection> Selection(FuzzSelection selection)
    {
        switch (selection)
        {
            case FieldSelection field:
                foreach (var children in Selections(field.Children, allowEmpty: false))
                {
                    yield return field with { Children = children };
                }
                for (var i = 0; i < field.Arguments.Count; i++)
                {
                    yield return field with { Arguments = [.. field.Arguments.Take(i), .. field.Arguments.Skip(i + 1)] };
                }
                if (field.Directive is not null)
                {
                    yield return field with { Directive = null };
                }
                if (field.Alias is not null)
                {
                    yield return field with { Alias = null };
                }
                for (var i = 0; i < field.Arguments.Count; i++)
                {
                    var argument = field.Arguments[i];
                    if (argument.VariableType is not null)
                    {
                        yield return field with { Arguments = [.. field.Arguments.Take(i), argument with { VariableType = null }, .. field.Arguments.Skip(i + 1)] };
                    }
                    foreach (var value in Value(argument.Value))
                    {
                        yield return field with { Arguments = [.. field.Arguments.Take(i), argument with { Value = value }, .. field.Arguments.Skip(i + 1)] };
                    }
                }
                break;
            case InlineFragment inline:
                foreach (var children in Selections(inline.Children, allowEmpty: false))
                {
                    yield return inline with { Children = children };
                }
                break;
            case FragmentSpread spread:
                yield return new InlineFragment(spread.TypeCondition, spread.Children);
                foreach (var children in Selections(spread.Children, allowEmpty: false))
                {
                    yield return spread with { Children = children };
                }
                break;
        }
    }

    private static IEnumerable<FuzzValue> Value(FuzzValue value)
    {
        switch (value)
        {
            case ObjectValue obj:
                for (var i = 0; i < obj.Fields.Count; i++)
                {
                    yield return new ObjectValue([.. obj.Fields.Take(i), .. obj.Fields.Skip(i + 1)]);
                }
                // A nested filter can often stand in for its parent (`{ and: [X] }` -> X).
                foreach (var nested in obj.Fields.Select(f => f.Value).OfType<ObjectValue>())
                {
                    yield return nested;
                }
                foreach (var nested in obj.Fields.Select(f => f.Value).OfType<ListValue>().SelectMany(l => l.Items).OfType<ObjectValue>())
                {
                    yield return nested;
                }
                for (var i = 0; i < obj.Fields.Count; i++)
                {
                    foreach (var variant in Value(obj.Fields[i].Value))
                    {
                        yield return new ObjectValue([.. obj.Fields.Take(i), obj.Fields[i] with { Value = variant }, .. obj.Fields.Skip(i + 1)]);
                    }
                }
                break;
            case ListValue list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    yield return new ListValue([.. list.Items.Take(i), .. list.Items.Skip(i + 1)]);
                }
                for (var i = 0; i < list.Items.Count; i++)
                {
                    foreach (var variant in Value(list.Items[i]))
                    {
                        yield return new ListValue([.. list.Items.Take(i), variant, .. list.Items.Skip(i + 1)]);
                    }
                }
                break;
            case StringValue { Value.Length: > 8 } text:
                yield return new StringValue(text.Value[..(text.Value.Length / 2)]);
                yield return new StringValue(text.Value[(text.Value.Length / 2)..]);
                break;
        }
    }
}
