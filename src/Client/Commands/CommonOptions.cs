using System.CommandLine.Parsing;

namespace OrleansSweep.Client.Commands;

/// <summary>
/// Options several commands share, and the one way commands check an option's value: a check that needs only that value is
/// declared on the option (<see cref="AtLeast(Option{int}, int)"/>, <c>Required</c>, <c>AcceptOnlyFromAmong</c>, a custom parser),
/// so it fails at parsing, before anything runs; a check across options or against files throws <see cref="ArgumentException"/>
/// from the action. <see cref="CommandRunner"/> prints either as one sentence naming the option and exits 2.
/// </summary>
public static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON document (the wire records, snake_case) instead of tables.",
    };

    /// <summary>Where torch computes; `ComputeDevice.Select` reads the value.</summary>
    public static Option<string> Device() => new Option<string>("--device")
    {
        Description = "auto (CUDA when TorchSharp sees it, else CPU), cpu or cuda.",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "cpu", "cuda");

    /// <summary>The data directory: a silo's LiteDB file and checkpoints, and the corpora `data fetch` stores (`&lt;data&gt;/corpora`).</summary>
    public static Option<string> Data(string description) => new("--data")
    {
        Description = description,
        DefaultValueFactory = _ => "./.sweep",
    };

    /// <summary>Refuses a value below <paramref name="minimum"/>, naming the option.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<int>, minimum));
        return option;
    }

    /// <summary>Refuses a given value below <paramref name="minimum"/>, naming the option; leaving it out is fine.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.Validators.Add(result => Check(result, option.Name, () => result.GetValueOrDefault<int?>() ?? minimum, minimum));
        return option;
    }

    /// <summary>Refuses a value outside <paramref name="minimum"/>..<paramref name="maximum"/>, naming the option.</summary>
    public static Option<int> Between(this Option<int> option, int minimum, int maximum)
    {
        option.Validators.Add(result =>
        {
            int value;
            try
            {
                value = result.GetValueOrDefault<int>();
            }
            catch (InvalidOperationException)
            {
                return;
            }
            if (value < minimum || value > maximum) result.AddError($"{option.Name} must be between {minimum} and {maximum}, got {value}.");
        });
        return option;
    }

    /// <summary>Refuses a value below <paramref name="minimum"/>, naming the command and the argument.</summary>
    public static Argument<int> AtLeast(this Argument<int> argument, int minimum)
    {
        argument.Validators.Add(result =>
        {
            var owner = result.Parent is CommandResult command ? $"{command.Command.Name}'s " : "";
            Check(result, owner + argument.Name, result.GetValueOrDefault<int>, minimum);
        });
        return argument;
    }

    private static void Check(SymbolResult result, string name, Func<int> read, int minimum)
    {
        int value;
        try
        {
            value = read();
        }
        catch (InvalidOperationException)
        {
            // Not a number: parsing reports that itself, naming the option.
            return;
        }
        if (value < minimum) result.AddError($"{name} must be at least {minimum}, got {value}.");
    }
}
