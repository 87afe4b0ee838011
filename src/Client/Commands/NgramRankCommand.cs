using OrleansSweep.Client.Views;
using OrleansSweep.Compute.Corpora;
using OrleansSweep.Compute.Ngrams;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Ngrams;

namespace OrleansSweep.Client.Commands;

/// <summary>`ngram-rank`: the n-gram rank estimate of a token stream (SCIENCE.md §9), computed in this process.</summary>
public static class NgramRankCommand
{
    private static readonly Option<string> Tokens = new("--tokens") { Description = "A file of whitespace-separated token ids." };

    private static readonly Option<string> CorpusPath = new("--corpus")
    {
        Description = "A .txt/.jsonl file or folder, or the name of a corpus fetched with `data fetch`, tokenized with --tokenizer; its training split is counted.",
    };

    private static readonly Option<string> Data = CommonOptions.Data("Data directory where `data fetch` stored named corpora.");

    private static readonly Option<int> Order = new Option<int>("--order")
    {
        Description = "n: each context is the n − 1 tokens before a next token (2 = bigrams).",
        Required = true,
    }.AtLeast(2);

    private static readonly Option<int> MinCount = new Option<int>("--min-count")
    {
        Description = "Drop contexts seen fewer times; 2 keeps the noise floor honest (docs/NGRAM_RANK.md).",
        DefaultValueFactory = _ => 2,
    }.AtLeast(1);

    private static readonly Option<string> Tokenizer = new Option<string>("--tokenizer")
    {
        Description = "How --corpus text becomes tokens.",
        DefaultValueFactory = _ => "bytes",
    }.AcceptOnlyFromAmong("bytes", "gpt2", "r50k", "cl100k");

    private static readonly Option<string> Route = new Option<string>("--route")
    {
        Description = "exact (Gram eigenvalues), randomized (block Krylov top k), or auto: exact up to 4096 columns.",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "exact", "randomized");

    private static readonly Option<int> TopK = new Option<int>("--top-k")
    {
        Description = "The most singular values the randomized route computes (it starts at 512 and doubles until W-error ≤ 0.2 and the noise floor are reached).",
        DefaultValueFactory = _ => new NgramRankOptions().TopK,
    }.AtLeast(1);

    private static readonly Option<bool> Json = CommonOptions.Json();

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("ngram-rank", "Estimate the rank of the data: the spectrum, W-error ranks and noise-aware rank of its n-gram matrix.")
        {
            Tokens, CorpusPath, Data, Order, MinCount, Tokenizer, Route, TopK, Json,
        };
        // Counting and spectra are CPU-bound; off the invoking thread, so Ctrl+C still cancels between steps.
        command.SetAction((parse, cancellation) => Task.Run(() => Run(console, parse, cancellation), cancellation));
        return command;
    }

    private static void Run(IAnsiConsole console, ParseResult parse, CancellationToken cancellation)
    {
        var order = parse.GetValue(Order);
        var minCount = parse.GetValue(MinCount);
        var (tokens, source) = (parse.GetValue(Tokens), parse.GetValue(CorpusPath)) switch
        {
            ({ } file, null) => (TokenFile.Read(file), $"tokens {file}"),
            (null, { } corpus) => ReadCorpus(corpus, parse.GetRequiredValue(Tokenizer), parse.GetRequiredValue(Data)),
            _ => throw new ArgumentException("give exactly one of --tokens <file> or --corpus <path or name>."),
        };
        if (tokens.Length < order)
            throw new ArgumentException($"{source} has {tokens.Length} tokens, fewer than --order {order} needs.");
        var options = new NgramRankOptions
        {
            Route = Enum.Parse<SpectrumRoute>(parse.GetRequiredValue(Route), ignoreCase: true),
            TopK = parse.GetValue(TopK),
        };

        var estimate = NgramRankComputation.Run(tokens, source, order, minCount, options, cancellation);
        if (parse.GetValue(Json)) JsonOutput.Write(console, estimate);
        else NgramRankTable.Render(console, estimate);
    }

    // The same corpus and split the n-gram rank grain reads for a text CorpusSpec, so CLI and cluster agree on one corpus.
    // An existing path is read as text; a bare word is a fetched corpus's name, checked against its provenance.
    private static (int[] Tokens, string Source) ReadCorpus(string corpus, string tokenizer, string data)
    {
        var isPath = File.Exists(corpus) || Directory.Exists(corpus);
        if (!isPath && corpus.IndexOfAny(['/', '\\', '.']) >= 0)
            throw new FileNotFoundException($"--corpus: '{corpus}' does not exist; give a .txt/.jsonl file or folder, or a fetched corpus's name.", corpus);
        var spec = isPath
            ? new CorpusSpec { Kind = "text", Path = corpus, Tokenizer = tokenizer }
            : new CorpusSpec { Kind = "text", Name = corpus, Tokenizer = tokenizer };
        var catalog = new CorpusCatalog(data);
        return (catalog.Get(spec).Train, catalog.Describe(spec).Description);
    }
}
