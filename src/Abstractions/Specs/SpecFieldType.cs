namespace OrleansSweep.Abstractions;

/// <summary>What a spec field holds, in the words its error messages and the README use.</summary>
public enum SpecFieldType
{
    Integer,
    Number,
    Boolean,
    Text,
    /// <summary>A list of integers, each within the field's bounds.</summary>
    Integers,
    /// <summary>A list of texts, each one of the field's choices.</summary>
    Texts,
}
