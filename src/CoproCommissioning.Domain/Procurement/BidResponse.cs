namespace CoproCommissioning.Domain.Procurement;

/// <summary>A bid's answer to one evaluation criterion.</summary>
public sealed class BidResponse
{
    public const int TextMaxLength = 20000;

    private BidResponse() { }

    internal BidResponse(Guid criterionId, string text)
    {
        CriterionId = criterionId;
        Text = text;
    }

    public Guid CriterionId { get; private set; }

    public string Text { get; private set; } = "";

    internal void Rewrite(string text) => Text = text;
}
