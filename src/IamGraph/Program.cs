using IamGraph.Commands;

return await IamGraphCommandLine.Create().Parse(args).InvokeAsync();
