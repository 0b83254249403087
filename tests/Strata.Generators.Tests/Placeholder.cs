namespace Strata.Generators.Tests;
