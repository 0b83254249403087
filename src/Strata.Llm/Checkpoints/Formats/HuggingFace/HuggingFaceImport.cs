using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>The result of importing a <c>config.json</c>.</summary>
/// <param name="Format">The format imported (the one <c>auto</c> picked, if it was asked for).</param>
/// <param name="BaseModel">The base-model tree: every imported value explicit, with its checkpoint origin.</param>
/// <param name="MappedKeys">The keys of the file whose value was imported.</param>
internal sealed record HuggingFaceImport(string Format, ConfigMap BaseModel, IReadOnlyList<string> MappedKeys);
