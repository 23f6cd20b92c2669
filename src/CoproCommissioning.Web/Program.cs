using Serilog;

// A plain logger for failures before the host's own logger exists. Not a reloadable "bootstrap"
// logger: those can be frozen only once per process, and the tests start many hosts.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddCoproServices();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseCoproPipeline();

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The app stopped because of an unhandled exception during start-up");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}
