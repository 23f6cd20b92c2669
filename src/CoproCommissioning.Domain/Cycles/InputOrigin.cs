namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// Where input logged on someone's behalf came from: the day it was gathered (not the day it was typed), the co-design
/// session it was gathered at, if any, and who gave it when they have no account ("parents at the Harbourside workshop").
/// A date that could not be read is null: the cycle refuses it beside the date.
/// </summary>
public sealed record InputOrigin(DateOnly? GatheredOn, Guid? SessionId = null, string? GivenBy = null);

/// <summary>The member of the cycle whose input is logged on their behalf, with the part they play in it.</summary>
public sealed record Contributor(string UserId, CycleRole Role);
