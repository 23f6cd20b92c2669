namespace CoproCommissioning.Domain.Specification;

/// <summary>The scale each outcome is rated on in monitoring, lowest first, so levels compare with &lt; and &gt;.</summary>
public enum RatingLevel
{
    Poor,
    Fair,
    Good,
    Stretch,
    Outstanding,
}
