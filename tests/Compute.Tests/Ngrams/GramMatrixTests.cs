using OrleansSweep.Compute.Ngrams;

namespace OrleansSweep.Compute.Tests.Ngrams;

public sealed class GramMatrixTests
{
    [Fact]
    public void PartialGramsOfRowShardsSumToTheGramOfTheWholeMatrix()
    {
        var matrix = SparseFixtures.Random(rows: 90, columns: 200, seed: 1);
        var expected = SparseFixtures.DenseGram(matrix);

        var whole = GramMatrix.OfRows(matrix, 0, matrix.Rows);
        var sharded = GramMatrix.Sum([GramMatrix.OfRows(matrix, 0, 25), GramMatrix.OfRows(matrix, 25, 40), GramMatrix.OfRows(matrix, 65, 25)]);
        var parallel = GramMatrix.Of(matrix, shards: 3, TestContext.Current.CancellationToken);

        foreach (var gram in new[] { whole, sharded, parallel })
        {
            Assert.Equal(200, gram.Size);
            // An absolute tolerance, not rounding to 12 digits: two sums 1e-16 apart can round to different 12th digits.
            for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], gram.Values[i], 1e-12);
        }
    }

    [Fact]
    public void TheFixtureHasBothSparseAndDenseRowsSoBothProductsAreChecked()
    {
        var matrix = SparseFixtures.Random(rows: 90, columns: 200, seed: 1);
        var lengths = Enumerable.Range(0, matrix.Rows).Select(r => matrix.RowPointers[r + 1] - matrix.RowPointers[r]).ToList();

        // GramMatrix sends rows with more than a sixteenth of the columns through the dense product.
        Assert.Contains(lengths, n => n * 16 > matrix.Columns);
        Assert.Contains(lengths, n => n is > 1 && n * 16 <= matrix.Columns);
    }

    [Fact]
    public void SumRefusesPartsOverDifferentColumns()
    {
        var a = GramMatrix.OfRows(SparseFixtures.Random(10, 5, 1), 0, 10);
        var b = GramMatrix.OfRows(SparseFixtures.Random(10, 6, 1), 0, 10);
        Assert.Throws<ArgumentException>(() => GramMatrix.Sum([a, b]));
    }
}
