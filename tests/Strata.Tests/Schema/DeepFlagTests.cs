using Strata.Tests.Model;

namespace Strata.Tests.Schema;

/// <summary>
/// The deep flags of a class (renamed keys or base layers at it or anywhere below it), which the merge and the base
/// layers ask at every place: set for every class of a walk at once, through cycles of classes.
/// </summary>
public sealed class DeepFlagTests
{
    [Fact]
    public void Every_class_on_a_cycle_has_the_renames_that_one_of_them_reaches()
    {
        Assert.True(CycleTailConfig.TypeInfo.HasRenamesDeep);
        Assert.True(CycleHeadConfig.TypeInfo.HasRenamesDeep);
        Assert.False(CycleHeadConfig.TypeInfo.HasBaseLayersDeep);
        Assert.False(CycleTailConfig.TypeInfo.HasBaseLayersDeep);
    }

    [Fact]
    public void A_class_that_holds_itself_and_nothing_else_has_no_deep_flag()
    {
        Assert.False(BareCycleConfig.TypeInfo.HasRenamesDeep);
        Assert.False(BareCycleConfig.TypeInfo.HasBaseLayersDeep);
    }

    [Fact]
    public void A_class_that_declares_renames_has_the_flag_and_so_has_a_class_that_holds_it()
    {
        Assert.True(LayerConfig.TypeInfo.HasRenamesDeep);
        Assert.True(RunConfig.TypeInfo.HasRenamesDeep);
    }
}
