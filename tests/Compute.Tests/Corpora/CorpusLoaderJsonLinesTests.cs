using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Compute.Tests.Corpora;

public sealed class CorpusLoaderJsonLinesTests
{
    [Fact]
    public void EachJsonLineIsADocumentTakenFromTheNamedField()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("b.txt", "plain file");
        folder.Write("a.jsonl", "{\"body\": \"first \\\"quoted\\\" line\", \"id\": 1}\n\n{\"id\": 2, \"body\": \"second\\nline ☕\"}\n");
        var tokenizer = new Gpt2Tokenizer();

        var documents = CorpusLoader.ReadDocuments(folder.Path, textField: "body");
        var corpus = CorpusLoader.FromText(folder.Path, tokenizer, heldOutFraction: 0.2, textField: "body");

        Assert.Equal(["first \"quoted\" line", "second\nline ☕", "plain file"], documents);
        int[] expected =
        [
            .. tokenizer.Encode("first \"quoted\" line"), Gpt2Tokenizer.EndOfTextId,
            .. tokenizer.Encode("second\nline ☕"), Gpt2Tokenizer.EndOfTextId,
            .. tokenizer.Encode("plain file"),
        ];
        Assert.Equal(expected, corpus.Train.Concat(corpus.HeldOut).ToArray());
    }

    [Fact]
    public void LineThatIsNotJsonIsNamedWithItsFileAndNumber()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("docs.jsonl", "{\"text\": \"fine\"}\n{\"text\": \"broken\"\n");

        var error = Assert.Throws<InvalidDataException>(() => CorpusLoader.ReadDocuments(file));

        Assert.StartsWith($"{file} line 2 is not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("{\"content\": \"no text field\"}")]
    [InlineData("{\"text\": 42}")]
    [InlineData("[\"an array\"]")]
    public void LineWithoutAStringTextFieldIsNamed(string line)
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Write("docs.jsonl", "{\"text\": \"fine\"}\n" + line + "\n");

        var error = Assert.Throws<InvalidDataException>(() => CorpusLoader.ReadDocuments(file));

        Assert.Equal($"{file} line 2 is not a JSON object with a string field 'text'; fix the line or set corpus.text_field.", error.Message);
    }
}
