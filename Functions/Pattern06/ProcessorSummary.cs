namespace Functions.Pattern06;

/// <summary>DocumentProcessor's answer: {"processed": number of records}.</summary>
public sealed record ProcessorSummary(int Processed);
