namespace CoproCommissioning.Domain.Procurement;

/// <summary>A scored criterion carries a weight; a pass/fail one is a threshold every bid must meet.</summary>
public enum CriterionKind
{
    Scored,
    PassFail,
}
