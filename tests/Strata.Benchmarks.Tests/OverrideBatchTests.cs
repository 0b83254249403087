namespace Strata.Benchmarks.Tests;

/// <summary>Overrides parsed together (one YAML parser for their values) give what each gives parsed alone.</summary>
public sealed class OverrideBatchTests
{
    [Fact]
    public void The_workload_overrides_parse_together_as_they_do_alone()
    {
        Assert.Empty(OverrideBatchCheck.Differences(Workload.Overrides));
    }

    [Theory]
    [InlineData("a=1", "b=x # comment", "c=!!str 007", "d=&x 5", "e=*x", "f=-1", "g=.inf", "h=~", "i=null", "j=")]
    [InlineData("a=1", "b=a: b", "c=2", "d=- x", "e=%YAML 1.2", "f=|", "g=>", "h=? x", "i=...", "j=---")]
    [InlineData("a=1", "b=[1, 2", "c=\"x", "d='y", "e={a: 1}", "f=é\u2028", "g=\u0001", "h=\tx", "i=  7", "j=a #b")]
    [InlineData("a.b[0]=1", "x=2", "bad", "=3", "a..b=4", "k=!!foo 1", "k2=!!int x", "k3=@x", "k4=`y", "k5=<<")]
    public void Tricky_values_parse_together_as_they_do_alone(params string[] arguments)
    {
        Assert.Empty(OverrideBatchCheck.Differences(arguments));
    }

    [Fact]
    public void Random_values_parse_together_as_they_do_alone()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            Assert.Empty(OverrideBatchCheck.Differences(OverrideBatchCheck.RandomOverrides(seed, 12)));
        }
    }

    [Fact]
    public void Many_plain_values_parse_together_as_they_do_alone()
    {
        Assert.Empty(OverrideBatchCheck.Differences(ScalingWorkload.Overrides(ScalingWorkload.DistinctOverrides, 500)));
        Assert.Empty(OverrideBatchCheck.Differences(ScalingWorkload.Overrides(ScalingWorkload.RepeatedOverrides, 500)));
    }
}
