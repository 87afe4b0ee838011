using System.Globalization;
using OrleansSweep.Abstractions;
using OrleansSweep.Client.Specs;
using OrleansSweep.Compute.Models;
using OrleansSweep.Compute.Tokenizers;
using OrleansSweep.Compute.Training;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Runs;
using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.EndToEnd.Tests.Specs;

/// <summary>The one table of spec fields: every field refused by name when out of range, from YAML and over the wire alike.</summary>
public sealed class SpecFieldsTests
{
    public static TheoryData<string> Fields() => new(SpecFields.All.Select(f => f.Path));

    // The fields with a value of their own type that is out of range (the others can only be of the wrong type, in YAML).
    public static TheoryData<string> RangedFields() => new(SpecFields.All.Where(f => BadValue(f) is not null).Select(f => f.Path));

    // The ranged fields that Compute's own guards also check.
    public static TheoryData<string> ComputeFields() =>
        new(SpecFields.All.Where(f => f.Section is "model" or "training" && BadValue(f) is not null).Select(f => f.Path));

    [Theory]
    [MemberData(nameof(Fields))]
    public void AnOutOfRangeValueInYamlIsRefusedNamingTheFieldAndItsLine(string path)
    {
        var field = Field(path);
        var (yaml, line) = YamlWith(field, BadYaml(field));

        var error = Assert.Throws<ArgumentException>(() => SweepSpecYaml.Parse(yaml));

        Assert.StartsWith($"spec line {line}: ", error.Message);
        Assert.Contains(field.Path, error.Message);
        Assert.DoesNotContain("OrleansSweep", error.Message);
        Assert.DoesNotContain("System.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [MemberData(nameof(RangedFields))]
    public void AnOutOfRangeValueOverTheWireIsRefusedBeforeAnyRunNamingTheField(string path)
    {
        var field = Field(path);
        var spec = field.Write(BaseSpec(field), BadValue(field));

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.Expand(spec));

        Assert.StartsWith(field.Path + " must ", error.Message);
    }

    [Theory]
    [MemberData(nameof(ComputeFields))]
    public void TheComputeGuardsSayWhatTheTableSays(string path)
    {
        var field = Field(path);
        var bad = BadValue(field);
        var run = SweepExpander.Expand(BaseSpec(field)).Single();
        var broken = field.Write(new SweepSpec { Model = run.Model, Training = run.Training }, bad);
        run = run with { Model = broken.Model, Training = broken.Training };

        var error = Assert.Throws<ArgumentException>(() =>
        {
            RunSpecMapping.ToGptConfig(run, 32).Validate();
            RunSpecMapping.ToTrainerOptions(run).Validate();
        });

        Assert.Equal(field.Problem(bad), error.Message);
    }

    [Fact]
    public void ComputeHasTheSpecsDefaults()
    {
        var run = new RunSpec("s", "s.r", new CorpusSpec(), new ModelSpec(), new TrainingSpec());

        Assert.Equal(new GptConfig { VocabularySize = 256 }, RunSpecMapping.ToGptConfig(run, 256));
        Assert.Equal(new TrainerOptions(), RunSpecMapping.ToTrainerOptions(run));
    }

    [Fact]
    public void TheTablesChoicesAreWhatTheSiloAccepts()
    {
        Assert.Equal(TextTokenizers.KnownNames, SpecFields.Tokenizers);
        Assert.Equal(CorpusKinds.All.Select(k => k.Name), SpecFields.CorpusKinds);
        Assert.Equal(ProbeKinds.All, SpecFields.Find("probes", "kinds")!.Choices);
    }

    [Fact]
    public void EveryFieldRoundTripsThroughYamlWithItsDefaultAndEveryAxisIsAField()
    {
        var defaults = new SweepSpec { Name = "x" };
        var yaml = string.Join('\n', SpecFields.Sections.Prepend("").Select(section =>
            (section.Length == 0 ? "" : section + ":\n") + string.Join('\n', SpecFields.All
                .Where(f => f.Section == section && f.Read(defaults) is not null)
                .Select(f => (section.Length == 0 ? "" : "  ") + $"{f.Name}: {Yaml(f.Read(defaults)!)}"))));

        var spec = SweepSpecYaml.Parse(yaml);

        Assert.All(SpecFields.All, f => Assert.Equal(Yaml(f.Read(defaults) ?? "absent"), Yaml(f.Read(spec) ?? "absent")));
        Assert.Equal(12, SpecFields.Axes.Count());
    }

    [Fact]
    public void TheReadmeListsEveryFieldWithItsTypeAndRange()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var rows = SpecFields.All.Select(Row).ToList();

        var missing = rows.Where(r => !readme.Contains(r, StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "README.md's field table is out of date; these rows are expected:\n" + string.Join('\n', rows));
    }

    [Fact]
    public void TheExampleSpecsAndTheReadmesSpecReadAndExpand()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var start = readme.IndexOf("```yaml\nname: markov-d", StringComparison.Ordinal) + "```yaml\n".Length;
        var readmeSpec = SweepSpecYaml.Parse(readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)], "README.md");
        var examples = Directory.GetFiles(Path.Combine(root, "docs", "examples"), "*.yaml").Select(f => SweepSpecYaml.Load(f)).ToList();

        Assert.Equal(10, SweepExpander.Expand(readmeSpec).Count);
        Assert.Equal(4, examples.Count);
        Assert.All(examples, spec => Assert.NotEmpty(SweepExpander.Expand(spec)));
    }

    /// <summary>The README's row for a field: the table generates it, so the README cannot drift.</summary>
    public static string Row(SpecField f) =>
        $"| `{f.Path}` | {f.Type.ToString().ToLowerInvariant()}{(f.Optional ? ", optional" : "")} | {f.Range} | " +
        $"{(f.Read(new SweepSpec()) is "" ? "required" : Yaml(f.Read(new SweepSpec()) ?? "absent"))} | {(f.IsAxis ? "yes" : "")} | {f.Description}{(f.Kinds is null || f.Section != "corpus" ? "" : $" ({string.Join(", ", f.Kinds)})")} |";

    private static SpecField Field(string path) => SpecFields.All.Single(f => f.Path == path);

    // A spec whose corpus kind reads the field, with every other field valid.
    private static SweepSpec BaseSpec(SpecField field) => new()
    {
        Name = "fields",
        Corpus = new CorpusSpec { Kind = field.Kinds?[0] ?? "low-rank-markov", Vocabulary = 32, Rank = 4, Path = "/corpus.txt" },
        Model = new ModelSpec { DModel = 8, Context = 16 },
    };

    // Below the lowest allowed value, a word outside the choices, or null where only a wrong type is out of range.
    private static object? BadValue(SpecField f) => f switch
    {
        { Choices: not null, Type: SpecFieldType.Texts } => new List<string> { "nonsense" },
        { Choices: not null } => "nonsense",
        { Pattern: not null } => "no spaces allowed",
        { Type: SpecFieldType.Integers, Min: { } min } => new List<int> { (int)min - 1 },
        { Type: SpecFieldType.Integer, Min: { } min } => (int)min - (f.MinExclusive ? 0 : 1),
        { Type: SpecFieldType.Number, Min: { } min } => min - (f.MinExclusive ? 0 : 0.5),
        _ => null,
    };

    private static string BadYaml(SpecField f) => BadValue(f) switch
    {
        { } bad => Yaml(bad),
        null => f.Type switch
        {
            SpecFieldType.Boolean => "maybe",
            SpecFieldType.Integer => "1.5",
            _ => "[a, b]",
        },
    };

    // The base spec as YAML with the field set to a raw YAML value; also the line the field stands on.
    private static (string Yaml, int Line) YamlWith(SpecField field, string value)
    {
        var spec = BaseSpec(field);
        var lines = new List<string>
        {
            "name: fields",
            "corpus:",
            $"  kind: {spec.Corpus.Kind}",
            "  vocabulary: 32",
            "  rank: 4",
            "model:",
            "  d_model: 8",
            "  context: 16",
        };
        var key = $"{field.Name}: {value}";
        var indent = field.Section == "" ? "" : "  ";
        var at = field.Section == "" ? -1 : lines.IndexOf(field.Section + ":");
        if (field.Section != "" && at < 0) lines.AddRange([field.Section + ":", indent + key]);
        else
        {
            var existing = lines.FindIndex(at + 1, l => l.StartsWith(indent + field.Name + ":", StringComparison.Ordinal));
            if (existing >= 0) lines[existing] = indent + key;
            else lines.Insert(at + 1, indent + key);
        }
        var line = lines.FindIndex(l => l.TrimStart() == key) + 1;
        return (string.Join('\n', lines) + "\n", line);
    }

    private static string Yaml(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IEnumerable<int> list => $"[{string.Join(", ", list)}]",
        IEnumerable<string> list => $"[{string.Join(", ", list)}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansSweep.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("OrleansSweep.sln not found above the test binaries.");
    }
}
