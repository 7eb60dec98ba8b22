/* Material for MkDocs 9.8.2, partials/javascripts/base.html (MIT licence, Martin Donath), in a
   file of its own because the pages allow no inline script. The theme keeps a reader's
   settings (colour scheme) under its scope, the language's root: two folders above this file,
   which is what the inline script computed from the page's base_url. */
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
