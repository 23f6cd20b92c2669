namespace CoproCommissioning.Benchmark;

/// <summary>
/// How big the benchmark's data set is. Scale 100 is the large cycle: 20,000 contributions across the stages
/// with responses, 2,000 decisions with influences, a specification of 40 versions of 30 sections with 5,000 comments,
/// 300 members, and a commissioner who is in 50 cycles; and one of those cycles at procurement with 40 bids scored on 8
/// criteria by 10 evaluators (3,200 scores); and one in monitoring, three providers' returns for eight quarters beside
/// 300 panel ratings. Smaller scales shrink each count in proportion, down to a
/// floor that keeps every page meaningful (scale 1 is about the demo's size).
/// </summary>
public sealed record BenchmarkScale(int Factor)
{
    public int Contributions => Of(20_000, 200);

    public int Decisions => Of(2_000, 20);

    public int Versions => Of(40, 3);

    public int Sections => Of(30, 4);

    public int Comments => Of(5_000, 50);

    public int Members => Of(300, 10);

    public int Cycles => Of(50, 3);

    /// <summary>Bids in the procurement cycle, each from its own provider organisation.</summary>
    public int Bids => Of(40, 3);

    /// <summary>The procurement's criteria: the starting set of six scored ones, then pass/fail ones.</summary>
    public int Criteria => Of(8, 6);

    /// <summary>The evaluation panel: the commissioner and the champion as officers, the rest lived-experience evaluators.</summary>
    public int Evaluators => Of(10, 4);

    /// <summary>The panel's ratings across the monitoring cycle's eight reporting periods.</summary>
    public int PanelRatings => Of(300, 16);

    private int Of(int atHundred, int floor) => Math.Max(floor, (int)Math.Round(atHundred * (Factor / 100.0)));
}
