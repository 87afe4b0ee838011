using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace OrleansSweep.Compute.Tests.Arithmetic;

/// <summary>
/// Reads IL to find where an assembly makes a TorchSharp Scalar that nothing holds: an implicit conversion (number to Scalar)
/// at a call site, or a call to a TorchSharp method that makes one inside (a + b, square(), arange(n), …), found by reading
/// TorchSharp's own IL and following its calls. Methods are told apart by type, name and parameter count.
/// </summary>
internal static class UnheldScalarCalls
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>"Caller → callee" for every such call in <paramref name="assemblyPath"/>.</summary>
    public static IReadOnlyList<string> In(string assemblyPath)
    {
        var hazards = TorchSharpMethodsMakingScalars();
        var found = new List<string>();
        foreach (var (caller, callees) in Calls(assemblyPath))
            foreach (var callee in callees.Where(c => c.StartsWith("Scalar::op_Implicit/") || hazards.Contains(c)))
                found.Add($"{caller} → {callee}");
        return found;
    }

    /// <summary>TorchSharp methods that convert a number to a Scalar themselves or call one that does.</summary>
    public static HashSet<string> TorchSharpMethodsMakingScalars()
    {
        var calls = Calls(typeof(Scalar).Assembly.Location)
            .Where(c => !c.Caller.StartsWith("Scalar::") && !c.Caller.StartsWith("ScalarExtensionMethods::"))
            .GroupBy(c => c.Caller)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Callees).ToHashSet());
        var hazards = calls.Where(c => c.Value.Any(MakesScalar)).Select(c => c.Key).ToHashSet();
        for (var grew = true; grew;)
        {
            var next = calls.Where(c => !hazards.Contains(c.Key) && c.Value.Overlaps(hazards)).Select(c => c.Key).ToList();
            hazards.UnionWith(next);
            grew = next.Count > 0;
        }
        return hazards;
    }

    private static bool MakesScalar(string callee) =>
        callee.StartsWith("Scalar::op_Implicit/") || callee.StartsWith("ScalarExtensionMethods::ToScalar/");

    // (caller, callees) per method body, each as "Type::Name/ParameterCount".
    private static List<(string Caller, List<string> Callees)> Calls(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        var result = new List<(string, List<string>)>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0) continue;
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? [];
                result.Add((Key(metadata, methodHandle), CalledMethods(metadata, il)));
            }
        }
        return result;
    }

    private static List<string> CalledMethods(MetadataReader metadata, byte[] il)
    {
        var callees = new List<string>();
        for (var i = 0; i < il.Length;)
        {
            var value = (short)il[i++];
            if (value == 0xFE) value = (short)(0xFE00 | il[i++]);
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType == OperandType.InlineMethod)
                callees.Add(Key(metadata, MetadataTokens.EntityHandle(BitConverter.ToInt32(il, i))));
            i += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
        return callees;
    }

    private static string Key(MetadataReader metadata, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var definition = metadata.GetMethodDefinition((MethodDefinitionHandle)handle);
                var declaring = metadata.GetTypeDefinition(definition.GetDeclaringType());
                return $"{metadata.GetString(declaring.Name)}::{metadata.GetString(definition.Name)}/{ParameterCount(metadata, definition.Signature)}";
            case HandleKind.MemberReference:
                var reference = metadata.GetMemberReference((MemberReferenceHandle)handle);
                var parent = reference.Parent.Kind switch
                {
                    HandleKind.TypeReference => metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)reference.Parent).Name),
                    HandleKind.TypeDefinition => metadata.GetString(metadata.GetTypeDefinition((TypeDefinitionHandle)reference.Parent).Name),
                    _ => "?",
                };
                return $"{parent}::{metadata.GetString(reference.Name)}/{ParameterCount(metadata, reference.Signature)}";
            case HandleKind.MethodSpecification:
                return Key(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return "?";
        }
    }

    private static int ParameterCount(MetadataReader metadata, BlobHandle signature)
    {
        var reader = metadata.GetBlobReader(signature);
        var header = reader.ReadSignatureHeader();
        if (header.IsGeneric) reader.ReadCompressedInteger();
        return reader.ReadCompressedInteger();
    }
}
