using System.Globalization;

namespace OrleansSweep.Compute.Corpora;

/// <summary>A token stream written as text: token ids separated by whitespace (spaces, tabs, newlines).</summary>
public static class TokenFile
{
    /// <summary>The ids in <paramref name="path"/>, in order; one sentence naming the file and the token when one is not an id.</summary>
    public static int[] Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"token file {path} does not exist.", path);
        var words = File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var tokens = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
            if (!int.TryParse(words[i], NumberStyles.None, CultureInfo.InvariantCulture, out tokens[i]))
                throw new ArgumentException($"token file {path}: '{words[i]}' at position {i} is not a token id (a non-negative integer).");
        return tokens;
    }
}
