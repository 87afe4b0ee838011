namespace OrleansSweep.Grains.Search;

/// <summary>
/// The metric values recorded at one rung, lower is better, in order: adding one and counting those strictly better costs
/// O(√n) rather than O(n). One sorted array of a million values would move 4 MB on a middle insert (about 0.3 ms, 150 s over
/// a million-run rebuild); sorted blocks of at most 2 · <see cref="BlockSize"/> values move at most 8 KB and count the
/// values before a block from the block sizes, so a million values cost a few microseconds per value.
/// </summary>
public sealed class RungStandings
{
    private const int BlockSize = 512;

    // Every value of a block is at most every value of the next block; no block is empty.
    private readonly List<List<double>> blocks = [];

    /// <summary>The values recorded here.</summary>
    public int Count { get; private set; }

    /// <summary>Records a value (not NaN) and returns how many values recorded before it are strictly lower.</summary>
    public int Add(double value)
    {
        if (double.IsNaN(value)) throw new ArgumentOutOfRangeException(nameof(value), "a rung orders numbers, not NaN");
        if (blocks.Count == 0) blocks.Add(new List<double>(2 * BlockSize + 1));
        var index = FirstBlockReaching(value);
        var block = blocks[index];
        var position = LowerBound(block, value);
        block.Insert(position, value);
        Count++;
        var lower = position;
        for (var i = 0; i < index; i++) lower += blocks[i].Count;
        if (block.Count > 2 * BlockSize)
        {
            var upper = new List<double>(2 * BlockSize + 1);
            upper.AddRange(block.GetRange(BlockSize, block.Count - BlockSize));
            block.RemoveRange(BlockSize, block.Count - BlockSize);
            blocks.Insert(index + 1, upper);
        }
        return lower;
    }

    // The first block whose largest value is at least value (the last block when none is): value's place is in it.
    private int FirstBlockReaching(double value)
    {
        int low = 0, high = blocks.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (blocks[middle][^1] < value) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static int LowerBound(List<double> block, double value)
    {
        int low = 0, high = block.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (block[middle] < value) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
