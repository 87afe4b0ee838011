using System.Globalization;
using System.Text.Json;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Compute.Corpora;

/// <summary>Builds the token corpora that runs train and evaluate on.</summary>
public static class CorpusLoader
{
    private const int MinimumSplitTokens = 2;

    /// <summary>
    /// Samples a low-rank Markov language; the training and held-out streams come from different seeds derived from
    /// <see cref="LowRankMarkovParameters.Seed"/>, so they are independent.
    /// </summary>
    public static TokenCorpus FromLowRankMarkov(LowRankMarkovParameters parameters, int trainTokens, int heldOutTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainTokens, MinimumSplitTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutTokens, MinimumSplitTokens);
        var language = LowRankMarkovLanguage.Create(parameters);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"low-rank Markov language (V={parameters.VocabularySize}, R={parameters.Rank}, β={parameters.Beta}, " +
            $"α={parameters.EmissionConcentration}, seed={parameters.Seed})");
        return new TokenCorpus(
            description,
            language.VocabularySize,
            language.Sample(trainTokens, unchecked(parameters.Seed * 2 + 1)),
            language.Sample(heldOutTokens, unchecked(parameters.Seed * 2 + 2)),
            language.EntropyRate);
    }

    /// <summary>
    /// Samples an HMM language (SCIENCE.md §11) for training and held-out streams from seeds derived from
    /// <see cref="HiddenMarkovParameters.Seed"/>; its optimal loss is the entropy rate estimated by the forward algorithm on a
    /// third, independent sample of <paramref name="estimateTokens"/> tokens, returned beside the corpus.
    /// </summary>
    public static (TokenCorpus Corpus, EntropyRateEstimate Optimum) FromHiddenMarkov(
        HiddenMarkovParameters parameters, int trainTokens, int heldOutTokens, int estimateTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainTokens, MinimumSplitTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutTokens, MinimumSplitTokens);
        var language = HiddenMarkovLanguage.Create(parameters);
        var optimum = language.EstimateEntropyRate(estimateTokens, unchecked(parameters.Seed * 3 + 3));
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"HMM language (V={parameters.VocabularySize}, R={parameters.Rank}, β={parameters.Beta}, " +
            $"α={parameters.EmissionConcentration}, seed={parameters.Seed}; entropy rate {optimum.Rate:F4} ± " +
            $"{optimum.StandardError:F4} from {optimum.Tokens} tokens)");
        var corpus = new TokenCorpus(
            description,
            language.VocabularySize,
            language.Sample(trainTokens, unchecked(parameters.Seed * 3 + 1)),
            language.Sample(heldOutTokens, unchecked(parameters.Seed * 3 + 2)),
            optimum.Rate);
        return (corpus, optimum);
    }

    /// <summary>
    /// Samples the repeat language (SCIENCE.md §12): sequences of <see cref="RepeatLanguage.SequenceLength"/> copies of one
    /// uniform token, training and held-out streams from independent seeds; windows are aligned to the sequences.
    /// </summary>
    public static TokenCorpus FromRepeat(RepeatLanguage language, int seed, int trainTokens, int heldOutTokens)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainTokens, MinimumSplitTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutTokens, MinimumSplitTokens);
        return new TokenCorpus(
            $"repeat language (V={language.VocabularySize}, L={language.SequenceLength}, seed={seed})",
            language.VocabularySize,
            language.Sample(trainTokens, unchecked(seed * 2 + 1)),
            language.Sample(heldOutTokens, unchecked(seed * 2 + 2)),
            language.OptimalLoss,
            language.SequenceLength);
    }

    /// <summary>
    /// Tokenizes a .txt or .jsonl file, or every such file below a folder in order of relative path (see
    /// <see cref="ReadDocuments"/>), joining documents with the tokenizer's end-of-text id where it has one; the last
    /// <paramref name="heldOutFraction"/> of the tokens is held out.
    /// </summary>
    public static TokenCorpus FromText(string path, ITextTokenizer tokenizer, double heldOutFraction = 0.1, string textField = "text")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (!(heldOutFraction > 0.0 && heldOutFraction < 1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(heldOutFraction), heldOutFraction, $"heldOutFraction must lie strictly between 0 and 1, but was {heldOutFraction}.");
        }

        var files = FindDocuments(path);
        var tokens = new List<int>();
        foreach (var document in ReadDocuments(files, textField))
        {
            if (tokens.Count > 0 && tokenizer.EndOfText is { } endOfText)
            {
                tokens.Add(endOfText);
            }

            tokens.AddRange(tokenizer.Encode(document));
        }

        var heldOut = (int)Math.Round(tokens.Count * heldOutFraction, MidpointRounding.AwayFromZero);
        var train = tokens.Count - heldOut;
        if (train < MinimumSplitTokens || heldOut < MinimumSplitTokens)
        {
            throw new InvalidDataException(
                $"The corpus at '{path}' has {tokens.Count} {tokenizer.Name} tokens, too few to keep {MinimumSplitTokens} in both the " +
                $"training and the held-out ({heldOutFraction:0.###}) split; add text or change heldOutFraction.");
        }

        var description = $"text '{path}' ({files.Count} file{(files.Count == 1 ? "" : "s")}, {tokenizer.Name} tokens)";
        return new TokenCorpus(
            description,
            tokenizer.VocabularySize,
            tokens.GetRange(0, train).ToArray(),
            tokens.GetRange(train, heldOut).ToArray(),
            OptimalLoss: null);
    }

    /// <summary>
    /// The documents of a .txt or .jsonl file or of a folder of them: a .txt file is one document, a .jsonl file one per
    /// line, taken from the string field <paramref name="textField"/> of the line's JSON object (blank lines skipped).
    /// Throws one sentence naming the path, and for .jsonl the line, when something cannot be read.
    /// </summary>
    public static IReadOnlyList<string> ReadDocuments(string path, string textField = "text") =>
        ReadDocuments(FindDocuments(path), textField).ToList();

    private static IEnumerable<string> ReadDocuments(List<string> files, string textField)
    {
        foreach (var file in files)
        {
            if (!IsJsonLines(file))
            {
                yield return File.ReadAllText(file);
                continue;
            }

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return JsonLineText(line, file, number, textField);
                }
            }
        }
    }

    private static string JsonLineText(string line, string file, int number, string textField)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} line {number} is not valid JSON ({e.Message.TrimEnd('.')}).");
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty(textField, out var text)
                || text.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException(
                    $"{file} line {number} is not a JSON object with a string field '{textField}'; fix the line or set corpus.text_field.");
            }

            return text.GetString()!;
        }
    }

    private static bool IsJsonLines(string file) => file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static List<string> FindDocuments(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"The corpus path '{path}' does not exist; give a .txt or .jsonl file or a folder of them.", path);
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive };

        // Ordinal order of '/'-separated relative paths: the same corpus on any machine and file system.
        var documents = Directory.EnumerateFiles(path, "*", options)
            .Where(file => IsJsonLines(file) || file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .OrderBy(file => Path.GetRelativePath(path, file).Replace('\\', '/'), StringComparer.Ordinal)
            .ToList();
        if (documents.Count == 0)
        {
            throw new FileNotFoundException($"The corpus folder '{path}' holds no .txt or .jsonl files; add some or give a file.", path);
        }

        return documents;
    }
}
