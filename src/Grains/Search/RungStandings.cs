using System.Runtime.InteropServices;

namespace OrleansSweep.Grains.Search;

/// <summary>
/// The metric values recorded at one rung, lower is better, in order: adding one and counting those strictly better costs
/// O(√n) rather than O(n). One sorted List of a million values moves 4 MB on a middle insert: adding a million values took
/// 73 s that way, and 2–4 s in these sorted blocks of at most 2 · <see cref="BlockSize"/> values (measured on a loaded
/// 2-core machine), which move at most 8 KB per insert and count the values before a block from the block sizes.
/// </summary>
public sealed class RungStandings
{
    private const int BlockSize = 512;

    // Every value of a block is at most every value of the next block; no block is empty. The sizes, apart and contiguous,
    // are summed to count the values before a block without touching the blocks.
    private readonly List<List<double>> blocks = [];
    private readonly List<int> sizes = [];

    /// <summary>The values recorded here.</summary>
    public int Count { get; private set; }

    /// <summary>Records a value (not NaN) and returns how many values recorded before it are strictly lower.</summary>
    public int Add(double value)
    {
        var (index, position) = Insert(value);
        var lower = position;
        foreach (var size in CollectionsMarshal.AsSpan(sizes)[..index]) lower += size;
        Split(index);
        return lower;
    }

    /// <summary>Records a value (not NaN) without counting, for rebuilding.</summary>
    public void Record(double value) => Split(Insert(value).Block);

    private (int Block, int Position) Insert(double value)
    {
        if (double.IsNaN(value)) throw new ArgumentOutOfRangeException(nameof(value), "a rung orders numbers, not NaN");
        if (blocks.Count == 0)
        {
            blocks.Add(new List<double>(2 * BlockSize + 1));
            sizes.Add(0);
        }
        var index = FirstBlockReaching(value);
        var block = blocks[index];
        var position = LowerBound(block, value);
        block.Insert(position, value);
        sizes[index]++;
        Count++;
        return (index, position);
    }

    private void Split(int index)
    {
        var block = blocks[index];
        if (block.Count <= 2 * BlockSize) return;
        var upper = new List<double>(2 * BlockSize + 1);
        upper.AddRange(CollectionsMarshal.AsSpan(block)[BlockSize..]);
        block.RemoveRange(BlockSize, block.Count - BlockSize);
        blocks.Insert(index + 1, upper);
        sizes[index] = BlockSize;
        sizes.Insert(index + 1, upper.Count);
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
