namespace CoproCommissioning.BrowserTests.Infrastructure;

public static class Artifacts
{
    /// <summary>TEST_ARTIFACTS (set by scripts/test.sh), else artifacts/test beside the test binaries.</summary>
    public static string Folder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("TEST_ARTIFACTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "artifacts", "test")).FullName;
}
