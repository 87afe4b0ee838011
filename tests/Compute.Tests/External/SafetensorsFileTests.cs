using OrleansSweep.Compute.External;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Compute.Tests.External;

public sealed class SafetensorsFileTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();
    private string File => Path.Combine(folder.Path, "model.safetensors");

    [Fact]
    public void F32F16AndBf16ReadAsTheFloat32sTheyHold()
    {
        // Values exact in all three dtypes (few significant bits), so every widening must return them bit for bit.
        float[] values = [1.5f, -0.25f, 3f, 0f, -96f, 0.375f];
        SafetensorsWriter.Write(File,
        [
            SafetensorsWriter.F32("a", [2, 3], values), SafetensorsWriter.F16("b", [3, 2], values), SafetensorsWriter.Bf16("c", [6], values),
            SafetensorsWriter.F32("scalar", [], [7f]),
        ]);
        using var file = SafetensorsFile.Open(File);
        using var scope = NewDisposeScope();

        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal([2L, 3], file.ReadFloat32("a").shape);
        Assert.Equal([3L, 2], file.ReadFloat32("b").shape);
        foreach (var name in new[] { "a", "b", "c" }) Assert.Equal(values, file.ReadFloat32(name).data<float>().ToArray());
        Assert.Equal(7f, file.ReadFloat32("scalar").item<float>());
    }

    [Fact]
    public void AnUnsupportedDtypeIsRefusedInOneSentenceWhileTheOtherTensorsStillRead()
    {
        SafetensorsWriter.Write(File,
            [new SafetensorsWriter.Entry("ids", "I64", [2], new byte[16]), SafetensorsWriter.F32("w", [2], [1f, 2f])]);
        using var file = SafetensorsFile.Open(File);

        var error = Assert.Throws<CorruptCheckpointException>(() => Read(file, "ids"));

        Assert.Contains("'ids'", error.Message);
        Assert.Contains("I64", error.Message);
        Assert.Single(error.Message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
        using var w = file.ReadFloat32("w");
        Assert.Equal([1f, 2f], w.data<float>().ToArray());
    }

    [Theory]
    [InlineData(4)]   // inside the 8-byte length
    [InlineData(20)]  // inside the JSON header
    [InlineData(-3)]  // inside the last tensor's data
    public void ATruncatedFileIsRefusedOnOpenNamingIt(int keep)
    {
        SafetensorsWriter.Write(File, [SafetensorsWriter.F32("a", [4], [1, 2, 3, 4]), SafetensorsWriter.F32("b", [4], [5, 6, 7, 8])]);
        var bytes = System.IO.File.ReadAllBytes(File);
        System.IO.File.WriteAllBytes(File, bytes[..(keep >= 0 ? keep : bytes.Length + keep)]);

        var error = Assert.Throws<CorruptCheckpointException>(() => SafetensorsFile.Open(File).Dispose());

        Assert.Contains(File, error.Message);
    }

    [Theory]
    [InlineData(0, 4096)] // ends beyond the file
    [InlineData(0, 8)]    // within the file, but too short for its shape
    [InlineData(12, 4)]   // ends before it begins
    public void OffsetsThatDisagreeWithTheFileOrTheShapeAreRefusedOnOpen(long begin, long end)
    {
        SafetensorsWriter.Write(File, [SafetensorsWriter.F32("a", [4], [1, 2, 3, 4]), SafetensorsWriter.F32("b", [4], [5, 6, 7, 8])],
            new() { ["b"] = [begin, end] });

        var error = Assert.Throws<CorruptCheckpointException>(() => SafetensorsFile.Open(File).Dispose());

        Assert.Contains(File, error.Message);
        Assert.Contains("'b'", error.Message);
    }

    public void Dispose() => folder.Dispose();

    private static void Read(SafetensorsFile file, string name) => file.ReadFloat32(name).Dispose();
}
