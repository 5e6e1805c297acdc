namespace Jiebang.IntegrationTests.Infrastructure;

/// <summary>Base of every integration test class: one host per class on one provider; skipped with the reason when unavailable.</summary>
public abstract class HostTests
{
    protected HostTests(JiebangHost host)
    {
        Host = host;
        Host.SkipIfUnavailable();
        Scenario = new Scenario(host);
    }

    protected JiebangHost Host { get; }

    protected Scenario Scenario { get; }
}
