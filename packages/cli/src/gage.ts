console.log("gage: not built yet");
