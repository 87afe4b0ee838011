using OrleansSweep.Compute.Models;

namespace OrleansSweep.Compute.Experiments;

/// <summary>
/// A trained GPT's body, run without gradients, under another head: what the held-out evaluator scores for each rank.
/// The body is read through a delegate, not registered, so disposing this module disposes the head it owns and never the
/// model it borrows.
/// </summary>
public sealed class HeadOnFrozenBody : nn.Module<Tensor, Tensor>
{
    private readonly LmHead head;
    private readonly Func<Tensor, Tensor> finalHidden;

    public HeadOnFrozenBody(Gpt body, LmHead head) : base(nameof(HeadOnFrozenBody))
    {
        this.head = head;
        finalHidden = body.FinalHidden;
        RegisterComponents();
    }

    /// <summary>The head on top, the only trainable part.</summary>
    public LmHead Head => head;

    /// <summary>Token ids (B, T) to logits (B, T, V); gradients reach the head only.</summary>
    public override Tensor forward(Tensor tokens)
    {
        Tensor hidden;
        using (no_grad()) hidden = finalHidden(tokens); // (B, T, d)
        return head.call(hidden);
    }
}
