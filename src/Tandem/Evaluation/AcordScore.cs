namespace Tandem.Evaluation;

/// <summary>Mean ACORD metrics of one configuration in one scope ("judged pool" or "whole corpus").</summary>
public sealed record AcordScore(string Config, string Scope, double Ndcg5, double Ndcg10, double Precision5Star3, double Precision5Star4, double Precision5Star5);
