namespace OrleansSweep.Compute.Ngrams;

/// <summary>Counts the n-gram matrix of a token stream (SCIENCE §9), with its split-half noise probe.</summary>
public static class NgramCounter
{
    /// <summary>
    /// One row per distinct (n−1)-token context seen at least <paramref name="minCount"/> times, holding count(c, w)/count(c);
    /// rows in order of the context's first occurrence. The occurrences of each context alternate between two halves (1st, 3rd, …
    /// and 2nd, 4th, …); the halves' difference is the noise probe D of <see cref="NoiseFloor"/>.
    /// </summary>
    public static NgramMatrix Count(int[] tokens, int order, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (order < 2) throw new ArgumentOutOfRangeException(nameof(order), order, $"order must be at least 2, but was {order}.");
        if (minCount < 1)
            throw new ArgumentOutOfRangeException(nameof(minCount), minCount, $"min count must be at least 1, but was {minCount}.");
        for (var t = 0; t < tokens.Length; t++)
            if (tokens[t] < 0) throw new ArgumentException($"token {t} is {tokens[t]}; token ids must be non-negative.", nameof(tokens));
        if (tokens.Length < order)
            throw new ArgumentException(
                $"an order-{order} count needs at least {order} tokens, but the stream has {tokens.Length}.", nameof(tokens));

        var keys = PositionKeys(tokens, order);
        Array.Sort(keys);
        return Assemble(keys, minCount);
    }

    // One key per position: (context id, next token, half), packed so that sorting groups rows, then columns, then halves.
    private static long[] PositionKeys(int[] tokens, int order)
    {
        var width = order - 1;
        var ids = new Dictionary<int, int>(new ContextComparer(tokens, width));
        var occurrences = new List<int>();
        var keys = new long[tokens.Length - width];
        for (var t = width; t < tokens.Length; t++)
        {
            var start = t - width;
            if (!ids.TryGetValue(start, out var context))
            {
                context = ids.Count;
                ids.Add(start, context);
                occurrences.Add(0);
            }

            var half = occurrences[context]++ & 1;
            keys[start] = ((long)context << 32) | ((long)tokens[t] << 1) | (long)half;
        }

        return keys;
    }

    private static NgramMatrix Assemble(long[] keys, int minCount)
    {
        var pointers = new List<int> { 0 };
        var rowCounts = new List<double>();
        var nextTokens = new List<int>();
        var probabilities = new List<double>();
        var differences = new List<double>();
        for (var rowStart = 0; rowStart < keys.Length;)
        {
            var rowEnd = rowStart;
            while (rowEnd < keys.Length && keys[rowEnd] >> 32 == keys[rowStart] >> 32) rowEnd++;
            if (rowEnd - rowStart >= minCount)
            {
                AppendRow(keys.AsSpan(rowStart, rowEnd - rowStart), nextTokens, probabilities, differences);
                pointers.Add(nextTokens.Count);
                rowCounts.Add(rowEnd - rowStart);
            }

            rowStart = rowEnd;
        }

        // Columns: the tokens that occur in kept rows, ascending, so each row's columns stay ascending.
        var columnTokens = nextTokens.Distinct().Order().ToArray();
        var columnOf = new Dictionary<int, int>(columnTokens.Length);
        for (var column = 0; column < columnTokens.Length; column++) columnOf[columnTokens[column]] = column;
        var indices = nextTokens.Select(token => columnOf[token]).ToArray();
        var rowPointers = pointers.ToArray();
        var rows = rowPointers.Length - 1;
        return new NgramMatrix(
            new SparseRowMatrix(rows, columnTokens.Length, rowPointers, indices, [.. probabilities]),
            new SparseRowMatrix(rows, columnTokens.Length, rowPointers, [.. indices], [.. differences]),
            [.. rowCounts],
            columnTokens);
    }

    // One context's sorted keys → its entries of W and of D = (p̂₁ − p̂₂)·√(n₁n₂)/n, whose variance equals that of W's noise:
    // Var(p̂₁ − p̂₂) = p(1−p)·(1/n₁ + 1/n₂) = p(1−p)·n/(n₁n₂), so the factor leaves p(1−p)/n. Seen once (n₂ = 0): D's row is 0.
    private static void AppendRow(ReadOnlySpan<long> row, List<int> nextTokens, List<double> probabilities, List<double> differences)
    {
        var count = row.Length;
        var (first, second) = ((count + 1) / 2, count / 2);
        var scale = Math.Sqrt((double)first * second) / count;
        for (var start = 0; start < count;)
        {
            var end = start;
            var inSecond = 0;
            while (end < count && row[end] >> 1 == row[start] >> 1) inSecond += (int)(row[end++] & 1);
            var inFirst = end - start - inSecond;
            nextTokens.Add((int)((row[start] >> 1) & int.MaxValue));
            probabilities.Add((double)(end - start) / count);
            differences.Add(second == 0 ? 0.0 : ((double)inFirst / first - (double)inSecond / second) * scale);
            start = end;
        }
    }
}
