namespace CoproCommissioning.Domain.Cycles;

/// <summary>Whose perspective a contribution carries. Only <see cref="LivedExperience"/> and <see cref="Carer"/> count as lived-experience input (R1).</summary>
public enum Voice
{
    LivedExperience,
    Carer,
    Provider,
    Commissioner,
    Clinician,
    Community,
}

/// <summary>How the voices are put in order wherever input is listed.</summary>
public static class Voices
{
    /// <summary>Lived experience first, because the rules turn on it; then carers, providers, clinicians, commissioners, the community.</summary>
    public static IReadOnlyList<Voice> ListingOrder => Order;

    /// <summary>Where a voice comes in <see cref="ListingOrder"/>, for sorting.</summary>
    public static int Rank(Voice voice)
    {
        int rank = Array.IndexOf(Order, voice);
        return rank < 0 ? Order.Length : rank;
    }

    private static readonly Voice[] Order =
        [Voice.LivedExperience, Voice.Carer, Voice.Provider, Voice.Clinician, Voice.Commissioner, Voice.Community];
}
