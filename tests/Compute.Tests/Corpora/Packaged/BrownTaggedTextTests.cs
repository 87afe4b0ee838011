using OrleansSweep.Compute.Corpora.Packaged;

namespace OrleansSweep.Compute.Tests.Corpora.Packaged;

public sealed class BrownTaggedTextTests
{
    [Fact]
    public void TagsAreStrippedAndPunctuationAndQuotesReattached()
    {
        const string tagged = "\n\n\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, and/cc Atlanta's/np$ 1/2/cd (/( sic/rb )/) ./.\n" +
                              "\n\n\tIt/pps ended/vbd-hl ;/. then/rb ?/.\n";

        var plain = BrownTaggedText.ToPlainText(tagged);

        Assert.Equal("The jury said \"no evidence\", and Atlanta's 1/2 (sic).\nIt ended; then?\n", plain);
    }

    [Fact]
    public void BlankInputGivesNoText()
    {
        Assert.Equal("", BrownTaggedText.ToPlainText("\n\n\t \n"));
    }
}
