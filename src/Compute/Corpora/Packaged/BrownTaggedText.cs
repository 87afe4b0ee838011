using System.Text;

namespace OrleansSweep.Compute.Corpora.Packaged;

/// <summary>The Brown corpus's form C (tagged `word/tag` tokens, one sentence per line) turned back into plain text.</summary>
public static class BrownTaggedText
{
    // Tokens that attach to the word before them, and those the next word attaches to (Brown writes quotes as `` and '').
    private static readonly HashSet<string> AttachLeft = [".", ",", ";", ":", "?", "!", ")", "]", "''", "'"];
    private static readonly HashSet<string> AttachRight = ["``", "(", "["];

    /// <summary>One line per sentence: tags stripped at each token's last '/', quotes as '"', punctuation re-attached.</summary>
    public static string ToPlainText(string tagged)
    {
        ArgumentNullException.ThrowIfNull(tagged);
        var text = new StringBuilder();
        foreach (var line in tagged.Split('\n'))
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var previous = (string?)null;
            foreach (var token in words)
            {
                var slash = token.LastIndexOf('/');
                var word = slash > 0 ? token[..slash] : token;
                if (previous is not null && !AttachLeft.Contains(word) && !AttachRight.Contains(previous))
                {
                    text.Append(' ');
                }

                text.Append(word is "``" or "''" ? "\"" : word);
                previous = word;
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
